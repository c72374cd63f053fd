package vn.danvan.warehouse.query;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;

/**
 * What the warehouse serves, read in one go from one snapshot so that the id and the counts
 * always belong together.
 *
 * @param tableCounts rows per lake table present in the snapshot, in load order
 */
public record SnapshotStatus(SnapshotRef snapshot, Map<LakeTable, Long> tableCounts) implements Unregional {
  public SnapshotStatus {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(tableCounts, "tableCounts");
    Map<LakeTable, Long> copy = new EnumMap<>(LakeTable.class);
    copy.putAll(tableCounts);
    tableCounts = Collections.unmodifiableMap(copy);
  }
}
