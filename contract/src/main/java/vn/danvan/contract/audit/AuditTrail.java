package vn.danvan.contract.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The audit trail's reader: the rotated files and the current one, in time order. A line that is
 * not a whole event (torn by a power loss or a killed writer, or still being written) is skipped and
 * reported, never guessed at.
 */
public final class AuditTrail {
  private final Path dir;

  private AuditTrail(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The trail kept in {@code dir} (a lake's {@code audit/} folder); it may not exist yet. */
  public static AuditTrail in(Path dir) {
    return new AuditTrail(dir);
  }

  /** What a read found: the events and the lines it skipped, each said in words. */
  public record Read(List<AuditEvent> events, List<String> skipped) {
    public Read {
      events = List.copyOf(events);
      skipped = List.copyOf(skipped);
    }
  }

  /** The files of the trail, oldest first: the rotated ones by their names' time, then the current. */
  public List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = new ArrayList<>(list.filter(f -> f.getFileName().toString().matches("audit-.+\\.jsonl")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("audit trail: cannot list " + dir, e);
    }
    Path current = dir.resolve(AuditLog.CURRENT);
    if (Files.exists(current)) {
      files.add(current);
    }
    return files;
  }

  /** Every event the filter matches, oldest first, handed to {@code events} as it is read. */
  public List<String> forEach(AuditFilter filter, Consumer<AuditEvent> events) {
    List<String> skipped = new ArrayList<>();
    for (Path file : files()) {
      read(file, event -> {
        if (filter.matches(event)) {
          events.accept(event);
        }
      }, skipped::add);
    }
    return skipped;
  }

  /** The newest {@code limit} events the filter matches, newest first; older files are read only if needed. */
  public Read newest(AuditFilter filter, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    List<Path> files = files();
    List<AuditEvent> newestFirst = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      List<AuditEvent> inFile = new ArrayList<>();
      read(files.get(i), event -> {
        if (filter.matches(event)) {
          inFile.add(event);
        }
      }, skipped::add);
      Collections.reverse(inFile);
      newestFirst.addAll(inFile.subList(0, Math.min(inFile.size(), limit - newestFirst.size())));
    }
    return new Read(newestFirst, skipped);
  }

  /** Reads one file line by line; a line is whole only when it ends in a newline and parses. */
  static void read(Path file, Consumer<AuditEvent> events, Consumer<String> skipped) {
    String name = file.getFileName().toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      long number = 0;
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        number++;
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
          continue; // the newline that closed a torn line after a restart
        }
        try {
          events.accept(AuditLines.parse(text));
        } catch (IllegalArgumentException e) {
          skipped.accept(name + " line " + number + ": skipped, not a whole event (" + e.getMessage() + ")");
        }
      }
      if (line.size() > 0) {
        skipped.accept(name + " line " + (number + 1) + ": skipped an incomplete last line of " + line.size()
            + " bytes (torn by a power loss or a killed writer, or still being written)");
      }
    } catch (NoSuchFileException e) {
      // rotated away between the listing and the read: its lines are in the file listed after it
    } catch (IOException e) {
      throw new UncheckedIOException("audit trail: cannot read " + file, e);
    }
  }
}
