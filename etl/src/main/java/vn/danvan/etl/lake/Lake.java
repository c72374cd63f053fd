package vn.danvan.etl.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import vn.danvan.etl.contract.Table;

/**
 * Where things are in a lake folder (see README.md, "The lake"): the published
 * snapshots, the staging area of a load in progress, the {@code CURRENT} pointer and the lock. The
 * loader, the warehouse tests and the tools all resolve paths here so the layout is written down
 * once.
 */
public final class Lake {
  public static final String CURRENT = "CURRENT";
  public static final String SNAPSHOTS = "snapshots";
  public static final String STAGING = "_staging";
  public static final String LOCK = ".lock";
  public static final String REPORT = "_load_report.json";
  public static final String QUARANTINE = "quarantine";

  private final Path root;

  private Lake(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public static Lake at(Path root) {
    return new Lake(Objects.requireNonNull(root, "lake root"));
  }

  public Path root() {
    return root;
  }

  public Path snapshotsDir() {
    return root.resolve(SNAPSHOTS);
  }

  public Path stagingDir() {
    return root.resolve(STAGING);
  }

  public Path currentFile() {
    return root.resolve(CURRENT);
  }

  public Path lockFile() {
    return root.resolve(LOCK);
  }

  public Path snapshot(String id) {
    return snapshotsDir().resolve(SnapshotId.require(id));
  }

  public Path staging(String id) {
    return stagingDir().resolve(SnapshotId.require(id));
  }

  /** The published snapshot id, if a load was ever published here. */
  public Optional<String> current() {
    try {
      String id = Files.readString(currentFile(), StandardCharsets.UTF_8).trim();
      return id.isEmpty() ? Optional.empty() : Optional.of(SnapshotId.require(id));
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + currentFile(), e);
    }
  }

  /** The folder of the published snapshot, if any. */
  public Optional<Path> currentSnapshot() {
    return current().map(this::snapshot);
  }

  /**
   * Ids of the snapshots in {@code snapshots/}, oldest first (ids sort by time). A load killed
   * between its rename and the switch of {@code CURRENT} leaves a complete snapshot that was never
   * current; it is listed too.
   */
  public List<String> snapshotIds() {
    if (!Files.isDirectory(snapshotsDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(snapshotsDir())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(SnapshotId::isValid).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + snapshotsDir(), e);
    }
  }

  /** A table's folder inside a snapshot (or staging) folder. */
  public static Path table(Path snapshotDir, Table table) {
    return snapshotDir.resolve(table.folder());
  }

  /** This load's rejected rows of a table inside a snapshot (or staging) folder. */
  public static Path quarantine(Path snapshotDir, Table table) {
    return snapshotDir.resolve(QUARANTINE).resolve(table.folder());
  }

  public static Path report(Path snapshotDir) {
    return snapshotDir.resolve(REPORT);
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
