package vn.danvan.etl.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed load says on the terminal: one line naming what failed (its kind, the stage and the
 * table it was writing), that nothing was published, which snapshot stays current, and where the
 * full log is. Spark's failures arrive wrapped many times over; the kind is read from the whole
 * chain of causes (and suppressed exceptions), the table from the staged path in the messages.
 */
public record LoadFailure(Kind kind, String stage, String table, String detail) {
  /** The kinds a person or a script acts on differently, each with its exit code. */
  public enum Kind {
    /** Any other failure (also: the lake is held by another load). */
    FAILED(1, "failed"),
    /** The lake's (or Spark's scratch) disk is full: free space, or gc old snapshots. */
    NO_SPACE(4, "no space left on the device"),
    /** A JVM (the driver or an executor) ran out of memory: give the load more memory. */
    OUT_OF_MEMORY(5, "out of memory"),
    /** A Spark executor died or was killed and its work could not be redone. */
    EXECUTOR_LOST(6, "a Spark executor was lost"),
    /** SIGTERM or Ctrl-C stopped the command ({@link LoadStop}): nothing to mend, run it again. */
    STOPPED(LoadStop.EXIT, "stopped by a signal (SIGTERM or Ctrl-C)");

    private final int exit;
    private final String says;

    Kind(int exit, String says) {
      this.exit = exit;
      this.says = says;
    }

    public int exit() {
      return exit;
    }
  }

  private static final Pattern STAGED = Pattern.compile("_staging/[^/\\s]+/([a-z0-9_]+)");

  /** Reads the failure of a load that was at {@code stage} (its last progress line, or null). */
  public static LoadFailure of(Throwable failure, String stage) {
    Kind kind = Kind.FAILED;
    String table = null;
    String detail = null;
    for (Throwable t : chain(failure)) {
      String message = String.valueOf(t.getMessage());
      Kind seen = t instanceof OutOfMemoryError || message.contains("java.lang.OutOfMemoryError")
          ? Kind.OUT_OF_MEMORY
          : message.contains("No space left on device") ? Kind.NO_SPACE
          : message.contains("ExecutorLostFailure") || message.matches("(?s).*[Ee]xecutor \\S+ (was )?lost.*")
              || message.contains("Executor heartbeat timed out") ? Kind.EXECUTOR_LOST
          : Kind.FAILED;
      if (kind == Kind.FAILED && seen != Kind.FAILED) {
        kind = seen;
        detail = firstLine(message);
      }
      if (table == null) {
        Matcher m = STAGED.matcher(message);
        if (m.find()) {
          table = m.group(1);
        }
      }
    }
    if (detail == null) {
      Throwable root = failure;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      detail = root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + firstLine(root.getMessage()) : "");
    }
    return new LoadFailure(kind, stage, table, detail);
  }

  /** A load stopped by a signal at {@code stage}: Spark's failure that followed says nothing more. */
  public static LoadFailure stopped(String stage) {
    return new LoadFailure(Kind.STOPPED, stage, null, "SIGTERM or Ctrl-C");
  }

  /** The one line the terminal gets. */
  public String line(Optional<String> current, Path log) {
    StringBuilder s = new StringBuilder(kind == Kind.STOPPED ? "load " + kind.says : "load failed");
    if (stage != null) {
      s.append(" while ").append(stage);
    }
    if (table != null && (stage == null || !stage.contains(table))) {
      s.append(" (table ").append(table).append(')');
    }
    if (kind != Kind.STOPPED) {
      s.append(": ").append(kind == Kind.FAILED ? detail : kind.says + " (" + detail + ")");
    }
    s.append(". Nothing was published; ")
        .append(current.map(id -> "snapshot " + id + " stays current").orElse("no snapshot is current yet"))
        .append(". Full log: ").append(log).append(String.format(Locale.ROOT, " (exit %d)", kind.exit));
    return s.toString();
  }

  private static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 240 ? line.substring(0, 240) + "…" : line;
  }

  /** The failure, its causes and suppressed exceptions, depth first, each once. */
  private static java.util.List<Throwable> chain(Throwable failure) {
    java.util.List<Throwable> all = new java.util.ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.push(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (t == null || !seen.add(t)) {
        continue;
      }
      all.add(t);
      for (Throwable s : t.getSuppressed()) {
        todo.push(s);
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
    }
    return all;
  }
}
