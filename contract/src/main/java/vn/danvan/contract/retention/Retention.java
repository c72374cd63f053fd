package vn.danvan.contract.retention;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeLock;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;

/**
 * {@code lake gc}: removes old snapshots, but never the one CURRENT names, the {@code keep} newest,
 * one a release pins, or one a reader holds ({@link ReaderLease}); while the lake's lock is free it
 * also removes a snapshot that was never current ({@link #neverCurrent}), however new. A snapshot
 * goes in two steps: it is renamed into {@code LAKE/_trash/} (one atomic step, while its reader
 * lock is held exclusively) and then deleted, so a clean-up killed half-way leaves whole snapshots
 * and trash, never a half-deleted snapshot; the next clean-up empties the trash. A submission
 * loaded by a snapshot that goes keeps where it was loaded ({@link Submissions#keepLoadedFrom}),
 * so it never turns pending. Staging folders of killed loads are removed only while the lake's
 * lock is free (a load in progress stages there).
 *
 * <p>Bytes are counted as {@link DiskUsage} counts them: a snapshot's files shared by hard link
 * with a kept snapshot free nothing when it goes.
 */
public final class Retention {
  public static final String TRASH = "_trash";
  /** The newest snapshots kept when no {@code --keep} is given: the current one and two before it. */
  public static final int DEFAULT_KEEP = 3;
  /** Why a snapshot goes, usually: older than the ones kept. */
  public static final String OLD = "old";
  private static final String NEVER_CURRENT = "never current (its load was killed while publishing)";

  private Retention() {}

  /** Why a snapshot stays or goes. */
  public record Decision(String snapshot, boolean remove, String reason, long bytesFreed) {}

  /** What a clean-up decided and did. */
  public record Result(List<Decision> decisions, List<String> stagingRemoved, boolean loadRunning,
      boolean dryRun) {
    public List<Decision> removed() {
      return decisions.stream().filter(Decision::remove).toList();
    }

    public long bytesFreed() {
      return removed().stream().mapToLong(Decision::bytesFreed).sum();
    }
  }

  /** Decides, and unless {@code dryRun} removes, as the class says. */
  public static Result collect(Lake lake, int keep, boolean dryRun) {
    if (keep < 1) {
      throw new IllegalArgumentException("--keep must be 1 or more (the current snapshot is always kept), not " + keep);
    }
    try {
      emptyTrash(lake);
      Optional<LakeLock> lock = dryRun ? Optional.empty() : LakeLock.tryAcquire(lake);
      try {
        List<Decision> decisions = decide(lake, keep, lock.isPresent());
        if (!dryRun) {
          Submissions.of(lake).keepLoadedFrom(decisions.stream().filter(Decision::remove).map(Decision::snapshot)
              .collect(java.util.stream.Collectors.toSet()));
        }
        List<Decision> done = new ArrayList<>();
        for (Decision d : decisions) {
          done.add(d.remove() && !dryRun ? remove(lake, d) : d);
        }
        List<String> staging = lock.isPresent() ? removeStaging(lake) : List.of();
        emptyTrash(lake);
        boolean loadRunning = !dryRun && lock.isEmpty();
        return new Result(done, staging, loadRunning, dryRun);
      } finally {
        lock.ifPresent(LakeLock::close);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("lake gc in " + lake.root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code locked}: the caller holds the lake's lock, so a snapshot {@link #neverCurrent} is one a
   * killed load left, not one a running load is publishing.
   */
  private static List<Decision> decide(Lake lake, int keep, boolean locked) throws IOException {
    List<String> ids = lake.snapshotIds();
    Set<String> neverCurrent = locked ? neverCurrent(lake) : Set.of();
    String current = lake.current().orElse(null);
    Map<String, String> pinnedBy = new java.util.HashMap<>();
    for (Release r : Releases.of(lake).list()) {
      pinnedBy.merge(r.snapshot(), r.name(), (a, b) -> a + ", " + b);
    }
    Set<String> newest = Set.copyOf(ids.subList(Math.max(0, ids.size() - keep), ids.size()));
    DiskUsage usage = DiskUsage.of(lake);
    List<Decision> decisions = new ArrayList<>();
    for (String id : ids) {
      String reason;
      if (id.equals(current)) {
        reason = "current";
      } else if (pinnedBy.containsKey(id)) {
        reason = "release " + pinnedBy.get(id);
      } else if (neverCurrent.contains(id)) {
        decisions.add(new Decision(id, true, NEVER_CURRENT, usage.of(id).alone()));
        continue;
      } else if (newest.contains(id)) {
        reason = "among the " + keep + " newest";
      } else if (ReaderLease.held(lake, id)) {
        reason = "held by a reader";
      } else {
        decisions.add(new Decision(id, true, OLD, usage.of(id).alone()));
        continue;
      }
      decisions.add(new Decision(id, false, reason, 0));
    }
    return decisions;
  }

  /**
   * The snapshots that were never current. A load killed between its two renames ({@code
   * Publisher}: the staged folder into {@code snapshots/}, then CURRENT) leaves a whole snapshot
   * whose report's {@code previous} is still the id CURRENT names (none when nothing is current):
   * had it ever been current, CURRENT would have moved on from it, never back to its predecessor.
   * Its report lists submissions it never loaded. Meaningful only under the lake's lock: a running
   * load is between those two renames for a moment.
   */
  public static Set<String> neverCurrent(Lake lake) {
    Optional<String> current = lake.current();
    Set<String> out = new TreeSet<>();
    for (SnapshotRef ref : lake.snapshots()) {
      if (current.filter(ref.id()::equals).isPresent()) {
        continue;
      }
      Optional<JsonNode> report = lake.loadReport(ref);
      Optional<String> previous = report.map(r -> r.path("previous")).filter(JsonNode::isTextual)
          .map(JsonNode::asText);
      if (report.isPresent() && previous.equals(current)) {
        out.add(ref.id());
      }
    }
    return out;
  }

  /**
   * Removes the {@link #neverCurrent} snapshots no release pins and no reader holds, as a clean-up
   * removes an old one. Callers hold the lake's lock: a load does this before it stages.
   *
   * @return the ids removed
   */
  public static List<String> removeNeverCurrent(Lake lake) {
    try {
      Set<String> pinned = Releases.of(lake).pinnedSnapshots();
      List<String> removed = new ArrayList<>();
      for (String id : neverCurrent(lake)) {
        if (!pinned.contains(id) && remove(lake, new Decision(id, true, NEVER_CURRENT, 0)).remove()) {
          removed.add(id);
        }
      }
      emptyTrash(lake);
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the snapshots never current in " + lake.root() + ": "
          + e.getMessage(), e);
    }
  }

  private static Decision remove(Lake lake, Decision d) throws IOException {
    Optional<FileLock> exclusive = ReaderLease.tryExclusive(lake, d.snapshot());
    if (exclusive.isEmpty()) {
      return new Decision(d.snapshot(), false, "held by a reader", 0);
    }
    try (var channel = exclusive.get().channel()) {
      // decided before the lock: a load may have published meanwhile, but never makes an old id current
      if (lake.current().filter(d.snapshot()::equals).isPresent()) {
        return new Decision(d.snapshot(), false, "current", 0);
      }
      Path trash = Files.createDirectories(lake.root().resolve(TRASH));
      Files.move(lake.snapshot(d.snapshot()), trash.resolve(d.snapshot()), StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(ReaderLease.file(lake, d.snapshot()));
    }
    return d;
  }

  /**
   * Deletes every folder in the lake's {@code _staging/} (what killed loads left) and returns their
   * names. Only safe under the lake's lock: then no load is staging.
   */
  public static List<String> removeStaging(Lake lake) throws IOException {
    if (!Files.isDirectory(lake.stagingDir())) {
      return List.of();
    }
    List<String> removed = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(lake.stagingDir())) {
      for (Path dir : dirs.toList()) {
        deleteTree(dir);
        removed.add(dir.getFileName().toString());
      }
    }
    return removed;
  }

  private static void emptyTrash(Lake lake) throws IOException {
    Path trash = lake.root().resolve(TRASH);
    if (Files.isDirectory(trash)) {
      deleteTree(trash);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
