package vn.danvan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are in a lake folder (README.md, "The lake"): the published snapshots
 * ({@code snapshots/<id>/}), the staging area of a load in progress ({@code _staging/<id>/}), the
 * {@code CURRENT} pointer and the lock. The loader writes this layout and the warehouse reads it;
 * both resolve every path here, so the layout is written down once.
 */
public final class Lake {
  public static final String CURRENT = "CURRENT";
  public static final String SNAPSHOTS = "snapshots";
  public static final String STAGING = "_staging";
  public static final String LOCK = ".lock";
  public static final String REPORT = "_load_report.json";
  public static final String QUARANTINE = "quarantine";
  /** Accounts, their password and token hashes: beside the snapshots, never inside one. */
  public static final String ACCESS = "access";
  /** The audit trail (JSON Lines, rotated by size): beside the snapshots, never inside one. */
  public static final String AUDIT = "audit";
  /** Named, frozen snapshots (release manifests): beside the snapshots; no clean-up removes them. */
  public static final String RELEASES = "releases";
  /** Files people submitted for loading, kept unchanged: beside the snapshots, never inside one. */
  public static final String SUBMISSIONS = "submissions";

  /** The environment variable that names the lake when no option does. */
  public static final String LAKE_ENV = "DANVAN_LAKE";
  /** The lake of every command when neither {@code --lake} nor {@link #LAKE_ENV} names one. */
  public static final Path DEFAULT_FOLDER = Path.of("data", "lake");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  private Lake(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The lake at this folder; the folder need not exist yet (nothing has been loaded). */
  public static Lake at(Path root) {
    return new Lake(Objects.requireNonNull(root, "lake root"));
  }

  /** The lake folder a command uses: {@code option}, else $DANVAN_LAKE, else ./data/lake. */
  public static Path folder(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String fromEnv = env.get(LAKE_ENV);
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : DEFAULT_FOLDER;
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

  /** The folder of the accounts database; no load or clean-up touches it. */
  public Path accessDir() {
    return root.resolve(ACCESS);
  }

  /** The folder of the audit trail; no load or clean-up touches it. */
  public Path auditDir() {
    return root.resolve(AUDIT);
  }

  /** The folder of the releases ({@link vn.danvan.contract.release.Releases}). */
  public Path releasesDir() {
    return root.resolve(RELEASES);
  }

  /** The folder of the submissions ({@code vn.danvan.contract.intake.Submissions}); no load deletes in it. */
  public Path submissionsDir() {
    return root.resolve(SUBMISSIONS);
  }

  /** The folder of the snapshot with this id (whether or not it exists). */
  public Path snapshot(String id) {
    return snapshotsDir().resolve(SnapshotId.requireSafe(id));
  }

  /** The same snapshot as a reader's handle. */
  public SnapshotRef ref(String id) {
    return new SnapshotRef(id, snapshot(id));
  }

  /** The staging folder of a load in progress; only loads stage, so the id is of the load's form. */
  public Path staging(String id) {
    return stagingDir().resolve(SnapshotId.require(id));
  }

  /**
   * The id {@code CURRENT} names, or empty when nothing has been published yet.
   *
   * @throws LakeException when CURRENT is unreadable or holds an invalid id (which could lead
   *     outside the lake)
   */
  public Optional<String> current() {
    String id;
    try {
      id = Files.readString(currentFile(), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LakeException("cannot read " + currentFile() + ": " + e.getMessage(), e);
    }
    if (!SnapshotId.isSafe(id)) {
      throw new LakeException(currentFile() + " holds an invalid snapshot id: '" + id + "'");
    }
    return Optional.of(id);
  }

  /** The folder of the published snapshot, if any. */
  public Optional<Path> currentSnapshot() {
    return current().map(this::snapshot);
  }

  /**
   * The published snapshot, as readers open it.
   *
   * @throws LakeException also when CURRENT names a snapshot folder that does not exist (a
   *     half-published lake must not be served as empty)
   */
  public Optional<SnapshotRef> published() {
    Optional<SnapshotRef> ref = current().map(this::ref);
    ref.filter(r -> !Files.isDirectory(r.dir())).ifPresent(r -> {
      throw new LakeException(currentFile() + " names snapshot " + r.id() + " but " + r.dir()
          + " is not a directory");
    });
    return ref;
  }

  /**
   * Ids of the snapshots in {@code snapshots/}, oldest first (the load's ids sort by time). A load
   * killed between its rename and the switch of {@code CURRENT} leaves a complete snapshot that was
   * never current; it is listed too, until the next load or clean-up removes it
   * ({@code Retention.removeNeverCurrent}).
   */
  public List<String> snapshotIds() {
    if (!Files.isDirectory(snapshotsDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(snapshotsDir())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(SnapshotId::isSafe).sorted().toList();
    } catch (IOException e) {
      throw new LakeException("cannot list " + snapshotsDir() + ": " + e.getMessage(), e);
    }
  }

  /** {@link #snapshotIds()} as readers' handles. */
  public List<SnapshotRef> snapshots() {
    return snapshotIds().stream().map(this::ref).toList();
  }

  /**
   * A snapshot's load report ({@link LoadReport#toJson()}) as a JSON tree, or empty when the
   * snapshot has none.
   */
  public Optional<JsonNode> loadReport(SnapshotRef snapshot) {
    Path file = report(snapshot.dir());
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(file.toFile());
      if (json == null || !json.isObject()) {
        throw new LakeException(file + " does not hold a JSON object");
      }
      return Optional.of(json);
    } catch (IOException e) {
      throw new LakeException("cannot read " + file + ": " + e.getMessage(), e);
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
