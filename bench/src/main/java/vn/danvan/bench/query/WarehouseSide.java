package vn.danvan.bench.query;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.MapValue;
import vn.danvan.warehouse.indicators.SeriesPoint;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;

/**
 * DuckDB through the warehouse's own read path: the series and map reads of the API without HTTP
 * (to tell the warehouse's time from the endpoint's), the raw scan over the fact Parquet files, and
 * the discovery of the workload.
 */
final class WarehouseSide {
  private static final SqlFile SCAN = SqlFile.load(WarehouseSide.class, "duckdb_scan");
  private static final SqlFile INDICATORS = SqlFile.load(WarehouseSide.class, "workload_indicators");
  private static final SqlFile REGIONS = SqlFile.load(WarehouseSide.class, "workload_regions");
  private static final SqlFile ACTIVITY_TYPES = SqlFile.load(WarehouseSide.class, "workload_activity_types");

  private final Warehouse warehouse;
  private final IndicatorQueries queries;

  WarehouseSide(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.queries = new IndicatorQueries(warehouse, IndicatorCatalogue.load());
  }

  /** Rows per table of the served snapshot. */
  Map<LakeTable, Long> tableCounts() {
    return warehouse.tableCounts(RegionScope.country());
  }

  /** The rotation of indicators and activity types, read from the snapshot itself. */
  Workload workload(int indicators, int activityTypes) {
    String restated = Boundaries.RESTATED_2025.code();
    return read(session -> new Workload(restated, 2016, 2025, 2024, Level.COMMUNE.code(),
        session.query(REGIONS, row -> row.getString(1), restated, Level.PROVINCE.code()),
        session.query(INDICATORS, row -> row.getString(1), restated, Level.COMMUNE.code(), 2024, indicators),
        session.query(ACTIVITY_TYPES, row -> row.getString(1), activityTypes)));
  }

  /** What {@code /api/series} computes, without HTTP and JSON. */
  TimedQuery series(Workload w) {
    return i -> {
      SeriesResult r = queries.series(RegionScope.country(), new SeriesRequest(w.indicator(i), w.regions(),
          OptionalInt.of(w.fromYear()), OptionalInt.of(w.toYear()), Grain.YEAR,
          InvalidParameterException.choose("boundaries", w.boundaries(), Boundaries.values()), false, false));
      return Answer.of(r.series().stream().flatMap(s -> s.points().stream()).map(SeriesPoint::value));
    };
  }

  /** What {@code /api/map} computes, without HTTP and JSON. */
  TimedQuery map(Workload w) {
    return i -> Answer.of(queries.map(RegionScope.country(), new MapRequest(w.indicator(i), w.mapYear(),
        InvalidParameterException.choose("level", w.mapLevel(), Level.values()),
        InvalidParameterException.choose("boundaries", w.boundaries(), Boundaries.values())))
        .values().stream().map(MapValue::value));
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
