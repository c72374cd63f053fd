package vn.danvan.contract;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One snapshot as readers open it: its id and its folder {@code LAKE/snapshots/<id>}. */
public record SnapshotRef(String id, Path dir) {
  public SnapshotRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dir, "dir");
    SnapshotId.requireSafe(id);
  }

  /** The folder of one lake table inside this snapshot. */
  public Path tableDir(LakeTable table) {
    return dir.resolve(table.folder());
  }

  /** When the load that produced this snapshot started, if the id is in the load's timed form. */
  public Optional<Instant> createdAt() {
    return SnapshotId.createdAt(id);
  }
}
