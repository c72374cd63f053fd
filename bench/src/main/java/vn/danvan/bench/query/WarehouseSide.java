package vn.danvan.bench.query;

import java.util.List;
import java.util.Map;
import vn.danvan.warehouse.lake.LakeTable;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;

/**
 * DuckDB through the warehouse's own read path ({@link Warehouse#read} with {@code .sql} files):
 * the raw scan over the fact Parquet files, the mart reads without HTTP (to tell the engine's time
 * from the endpoint's), and the discovery of the workload.
 */
final class WarehouseSide {
  private static final SqlFile SERIES = SqlFile.load(WarehouseSide.class, "duckdb_series");
  private static final SqlFile MAP = SqlFile.load(WarehouseSide.class, "duckdb_map");
  private static final SqlFile SCAN = SqlFile.load(WarehouseSide.class, "duckdb_scan");
  private static final SqlFile INDICATORS = SqlFile.load(WarehouseSide.class, "workload_indicators");
  private static final SqlFile REGIONS = SqlFile.load(WarehouseSide.class, "workload_regions");
  private static final SqlFile ACTIVITY_TYPES = SqlFile.load(WarehouseSide.class, "workload_activity_types");

  private final Warehouse warehouse;

  WarehouseSide(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Rows per table of the served snapshot. */
  Map<LakeTable, Long> tableCounts() {
    return warehouse.tableCounts(RegionScope.country());
  }

  /** The rotation of indicators and activity types, read from the snapshot itself. */
  Workload workload(int indicators, int activityTypes) {
    return read(session -> new Workload("2025", 2016, 2025, 2024, "commune",
        session.query(REGIONS, row -> row.getString(1), "2025", "province"),
        session.query(INDICATORS, row -> row.getString(1), "2025", "commune", 2024, indicators),
        session.query(ACTIVITY_TYPES, row -> row.getString(1), activityTypes)));
  }

  TimedQuery series(Workload w) {
    return i -> answer(SERIES, 3, w.boundaries(), Workload.GRAIN, w.indicator(i), w.regionList(),
        w.fromYear(), w.toYear());
  }

  TimedQuery map(Workload w) {
    return i -> answer(MAP, 3, w.boundaries(), Workload.GRAIN, w.indicator(i), w.mapLevel(), w.mapYear());
  }

  TimedQuery scan(Workload w) {
    return i -> answer(SCAN, 2, w.activityType(i));
  }

  /** Runs {@code sql} and sums its column {@code valueColumn} (1-based) over all rows. */
  private Answer answer(SqlFile sql, int valueColumn, Object... params) {
    List<Double> values = read(session -> session.query(sql, row -> row.getDouble(valueColumn), params));
    return new Answer(values.size(), values.stream().mapToDouble(Double::doubleValue).sum());
  }

  private <T> T read(java.util.function.Function<SnapshotSession, T> reader) {
    return warehouse.read(RegionScope.country(), reader);
  }
}
