package vn.danvan.warehouse.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lake folder as the etl lays it out: {@code CURRENT} names the published snapshot, which lives
 * in {@code snapshots/<id>/}. Read-only: the warehouse never writes to the lake.
 */
public final class Lake {
  static final String CURRENT = "CURRENT";
  static final String SNAPSHOTS = "snapshots";
  static final String LOAD_REPORT = "_load_report.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  private Lake(Path root) {
    this.root = root;
  }

  /** The lake at this folder; the folder need not exist yet (nothing has been loaded). */
  public static Lake at(Path root) {
    Objects.requireNonNull(root, "root");
    return new Lake(root.toAbsolutePath().normalize());
  }

  /** The environment variable that names the lake when no option does. */
  public static final String LAKE_ENV = "DANVAN_LAKE";

  /** The lake folder a command uses: {@code option}, else $DANVAN_LAKE, else ./data/lake. */
  public static Path folder(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String fromEnv = env.get(LAKE_ENV);
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("data", "lake");
  }

  public Path root() {
    return root;
  }

  /**
   * The snapshot CURRENT names, or empty when nothing has been published yet.
   *
   * @throws LakeException when CURRENT is unreadable, holds an invalid id, or names a snapshot
   *     folder that does not exist (a half-published lake must not be served as empty)
   */
  public Optional<SnapshotRef> current() {
    String id;
    try {
      id = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LakeException("cannot read " + root.resolve(CURRENT) + ": " + e.getMessage(), e);
    }
    if (!SnapshotRef.isValidId(id)) {
      throw new LakeException(root.resolve(CURRENT) + " holds an invalid snapshot id: '" + id + "'");
    }
    SnapshotRef ref = snapshot(id);
    if (!Files.isDirectory(ref.dir())) {
      throw new LakeException(root.resolve(CURRENT) + " names snapshot " + id
          + " but " + ref.dir() + " is not a directory");
    }
    return Optional.of(ref);
  }

  /** The snapshot with this id (whether or not it exists on disk). */
  public SnapshotRef snapshot(String id) {
    if (!SnapshotRef.isValidId(id)) {
      throw new IllegalArgumentException("not a valid snapshot id: '" + id + "'");
    }
    return new SnapshotRef(id, root.resolve(SNAPSHOTS).resolve(id));
  }

  /** Published snapshots, oldest first (the etl's ids sort by time). */
  public List<SnapshotRef> snapshots() {
    Path dir = root.resolve(SNAPSHOTS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(SnapshotRef::isValidId)
          .sorted(Comparator.naturalOrder())
          .map(this::snapshot)
          .toList();
    } catch (IOException e) {
      throw new LakeException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The snapshot's load report, or empty when the snapshot has none. */
  public Optional<LoadReport> loadReport(SnapshotRef snapshot) {
    Path file = snapshot.dir().resolve(LOAD_REPORT);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(file.toFile());
      if (json == null || !json.isObject()) {
        throw new LakeException(file + " does not hold a JSON object");
      }
      return Optional.of(new LoadReport(snapshot.id(), json));
    } catch (IOException e) {
      throw new LakeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
