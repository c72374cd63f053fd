package vn.danvan.warehouse.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionLookup;
import vn.danvan.warehouse.trends.Period;
import vn.danvan.warehouse.trends.Point;
import vn.danvan.warehouse.trends.Ranking;
import vn.danvan.warehouse.trends.Series;

/**
 * The questions analysts and the dashboard ask of the marts: a series per region, a map of one
 * year, and the reports whose breakdowns do not add up. Every answer is read from one snapshot
 * inside one {@link Warehouse#read}, and names the snapshot it came from.
 */
public final class IndicatorQueries {
  private static final SqlFile SERIES = SqlFile.load(IndicatorQueries.class, "series");
  private static final SqlFile SERIES_KEYS = SqlFile.load(IndicatorQueries.class, "series_keys");
  private static final SqlFile YEAR_SPAN = SqlFile.load(IndicatorQueries.class, "year_span");
  private static final SqlFile MAP = SqlFile.load(IndicatorQueries.class, "map");
  private static final SqlFile CONSISTENCY = SqlFile.load(IndicatorQueries.class, "consistency");
  private static final SqlFile ATTAINMENT = SqlFile.load(IndicatorQueries.class, "attainment");

  /** The catalogue's population indicator: inhabitants per region and year, in both modes. */
  private static final String POPULATION = "population";

  /** A series key no series has (keys start at 1): a read of a series without figures. */
  private static final int NO_SERIES = 0;

  private final Warehouse warehouse;
  private final IndicatorCatalogue catalogue;

  public IndicatorQueries(Warehouse warehouse, IndicatorCatalogue catalogue) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /**
   * One series per requested region, every period of the span listed (no figure: value null).
   *
   * @throws NotFoundException for an indicator outside the catalogue or a region the boundary mode
   *     does not know
   */
  public SeriesResult series(RegionScope scope, SeriesRequest request) {
    Indicator indicator = indicator(request.indicator());
    String boundaries = request.boundaries().code();
    String grain = request.grain().name().toLowerCase(Locale.ROOT);
    return warehouse.read(scope, session -> {
      session.requireServed(request.grain());
      Map<String, String[]> regions = RegionLookup.require(session, request.boundaries(), request.regions());
      int from;
      int to;
      Map<String, Integer> keys = seriesKeys(session);
      IntSummaryStatistics range = keyRange(keys, boundaries, grain, indicator.code(), regions);
      if (request.from().isPresent() && request.to().isPresent()) {
        from = request.from().getAsInt();
        to = request.to().getAsInt();
      } else {
        Integer nation = keys.get(seriesKey(boundaries, grain, indicator.code(), Level.NATION.code()));
        int[] span = yearSpan(session, nation != null ? List.of(nation)
            : levelKeys(keys, boundaries, grain, indicator.code(), regions));
        boolean none = span[0] == 0;
        to = request.to().orElse(none ? request.from().orElse(0) : span[1]);
        from = request.from().orElse(none ? to : Math.min(span[0], to));
        if (from > 0) {
          CostLimits.checkSeries(request.regions().size(), to - from + 1, request.grain());
        }
      }
      Map<String, Map<String, SeriesPoint>> found = new LinkedHashMap<>();
      if (range.getCount() > 0) {
        session.query(SERIES, row -> {
          SeriesPoint p = new SeriesPoint(row.getString(2), row.getDouble(3), row.getString(4),
              row.getBoolean(5), row.getString(6));
          return found.computeIfAbsent(row.getString(1), k -> new TreeMap<>()).put(p.period(), p);
        }, range.getMin(), range.getMax(), String.join(",", request.regions()), from, to);
      }
      // the population indicator of the marts: restated with the figures in 2025 mode
      Map<String, Long> population = new HashMap<>();
      IntSummaryStatistics people = request.perCapita()
          ? keyRange(keys, boundaries, "year", POPULATION, regions) : new IntSummaryStatistics();
      if (people.getCount() > 0) {
        session.query(SERIES, row -> population.put(row.getString(1) + "|" + row.getString(2),
            Math.round(row.getDouble(3))), people.getMin(), people.getMax(), String.join(",", request.regions()),
            from, to);
      }
      List<Period> periods = periods(request.grain(), from, to);
      List<RegionSeries> series = new ArrayList<>();
      for (String code : request.regions()) {
        Map<String, SeriesPoint> byPeriod = found.getOrDefault(code, Map.of());
        List<SeriesPoint> points = periods.stream()
            .map(p -> byPeriod.getOrDefault(p.label(), SeriesPoint.noData(p.label())))
            .map(p -> request.perCapita()
                ? p.withPopulation(population.get(code + "|" + Period.parse(p.period()).year())) : p)
            .toList();
        TrendSummary trend = request.trend() ? TrendSummary.of(Series.of(points.stream()
            .filter(p -> p.value() != null).map(p -> Point.of(p.period(), p.value())).toList()))
            .orElse(null) : null;
        String[] region = regions.get(code);
        series.add(new RegionSeries(code, region[1], region[0], points, trend));
      }
      return new SeriesResult(indicator.code(), indicator.unit(), grain, boundaries, from, to,
          Boundaries.REFORM.toString(), session.snapshot().id(), series);
    });
  }

  /** Every region of the level in force at the year's end, and any other with a figure that year. */
  public MapResult map(RegionScope scope, MapRequest request) {
    Indicator indicator = indicator(request.indicator());
    return warehouse.read(scope, session -> map(session, indicator, request));
  }

  /**
   * The map's regions ranked by value, highest first; regions without data come last, unranked.
   * Ranks are among every region of the level; a scoped read keeps only its own rows, each with
   * its rank and {@code out_of}.
   */
  public RankingResult ranking(RegionScope scope, MapRequest request) {
    Indicator indicator = indicator(request.indicator());
    return warehouse.read(scope, session -> {
      MapResult map = map(session, indicator, request);
      Map<String, OptionalDouble> values = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (MapValue v : map.values()) {
        values.put(v.region(), v.value() == null ? OptionalDouble.empty() : OptionalDouble.of(v.value()));
        names.put(v.region(), v.name());
      }
      List<RankedValue> ranked = Ranking.descending(values).regions().stream()
          .map(r -> RankedValue.of(r, names.get(r.region()))).toList();
      return new RankingResult(map.indicator(), map.unit(), map.year(), map.level(), map.boundaries(),
          map.snapshot(), ranked);
    });
  }

  private MapResult map(SnapshotSession session, Indicator indicator, MapRequest request) {
    String b = request.boundaries().code();
    String level = request.level().code();
    String yearEnd = request.year() + "-12-31";
    Integer key = seriesKeys(session).get(seriesKey(b, "year", indicator.code(), level));
    List<MapValue> values = session.query(MAP, row -> new MapValue(row.getString(1),
        row.getString(2), nullableDouble(row, 3), row.getString(4),
        row.getObject(5, Boolean.class), row.getString(6), row.getBoolean(7)),
        yearEnd, yearEnd, yearEnd, b, level, key == null ? NO_SERIES : key, request.year(),
        request.boundaries() == Boundaries.RESTATED_2025);
    return new MapResult(indicator.code(), indicator.unit(), request.year(), level, b,
        session.snapshot().id(), values);
  }

  /**
   * The breakdowns in reports of {@code region}'s subtree (units as reported) for periods ending in
   * {@code year} whose parts do not sum to the report's total; consistent ones are not listed.
   */
  public List<Mismatch> consistency(RegionScope scope, String region, int year) {
    SeriesRequest.checkRegionCode("region", region);
    SeriesRequest.checkYear("year", OptionalInt.of(year));
    return warehouse.read(scope, session -> {
      RegionLookup.require(session, Boundaries.REPORTED, List.of(region));
      if (!session.views().contains(LakeTable.REPORT_VALUES)) {
        return List.<Mismatch>of();
      }
      return session.query(CONSISTENCY, row -> {
        double total = row.getDouble(9);
        double sum = row.getDouble(10);
        String period = ReportPeriods.label(row.getObject(6, LocalDate.class),
            row.getObject(7, LocalDate.class));
        return new Mismatch(row.getString(5), period, row.getString(8), total, sum, sum - total,
            row.getLong(11), row.getString(1), row.getString(2), row.getString(3),
            row.getString(4).isEmpty() ? null : row.getString(4));
      }, region, year, region);
    });
  }

  /** Every campaign target of {@code year} (of one indicator, or all when null) and its attainment. */
  public List<TargetAttainment> attainment(RegionScope scope, int year, String indicatorCode) {
    SeriesRequest.checkYear("year", OptionalInt.of(year));
    String code = indicatorCode == null ? null : indicator(indicatorCode).code();
    return warehouse.read(scope, session -> !session.views().contains(LakeTable.CAMPAIGN_TARGETS) ? List.of()
        : session.query(ATTAINMENT, row -> TargetAttainment.of(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), year, row.getDouble(6), nullableDouble(row, 7)),
            year, code, code));
  }

  /**
   * {@code boundaries|grain|indicator|level -> series key} of the served mart (series_keys.sql),
   * read once per snapshot; empty when the snapshot has no marts.
   */
  private static Map<String, Integer> seriesKeys(SnapshotSession session) {
    if (!session.views().contains(LakeTable.INDICATOR_VALUES)) {
      return Map.of();
    }
    return session.memo("series_keys", s -> {
      Map<String, Integer> keys = new HashMap<>();
      s.query(SERIES_KEYS, row -> keys.put(seriesKey(row.getString(2), row.getString(3), row.getString(4),
          row.getString(5)), row.getInt(1)));
      return Map.copyOf(keys);
    });
  }

  /**
   * The first and last year with figures of the series {@code keys} ({0, 0} when none). An
   * indicator without national figures (an external province score) spans its regions' levels.
   */
  private static int[] yearSpan(SnapshotSession session, List<Integer> keys) {
    int[] span = {0, 0};
    for (int key : keys.isEmpty() ? List.of(NO_SERIES) : keys) {
      int[] s = session.query(YEAR_SPAN, row -> new int[] {row.getInt(1), row.getInt(2)}, key).get(0);
      if (s[0] != 0) {
        span = span[0] == 0 ? s : new int[] {Math.min(span[0], s[0]), Math.max(span[1], s[1])};
      }
    }
    return span;
  }

  private static List<Integer> levelKeys(Map<String, Integer> keys, String boundaries, String grain,
      String indicator, Map<String, String[]> regions) {
    return regions.values().stream().map(r -> r[0]).distinct()
        .map(level -> keys.get(seriesKey(boundaries, grain, indicator, level)))
        .filter(Objects::nonNull).toList();
  }

  /** The lowest and highest series key of an indicator at the levels of {@code regions}. */
  private static IntSummaryStatistics keyRange(Map<String, Integer> keys, String boundaries, String grain,
      String indicator, Map<String, String[]> regions) {
    return levelKeys(keys, boundaries, grain, indicator, regions).stream().mapToInt(Integer::intValue)
        .summaryStatistics();
  }

  private static String seriesKey(String boundaries, String grain, String indicator, String level) {
    return boundaries + "|" + grain + "|" + indicator + "|" + level;
  }

  private static Double nullableDouble(ResultSet row, int column) throws SQLException {
    double v = row.getDouble(column);
    return row.wasNull() ? null : v;
  }

  private Indicator indicator(String code) {
    return catalogue.find(code).orElseThrow(() -> new NotFoundException("indicator",
        "'" + code + "' is not in the indicator catalogue (GET /api/indicators lists them)"));
  }

  private static List<Period> periods(Grain grain, int from, int to) {
    List<Period> periods = new ArrayList<>();
    if (from <= 0) {
      return periods;
    }
    for (int y = from; y <= to; y++) {
      for (int n = 1; n <= grain.periodsPerYear(); n++) {
        periods.add(new Period(grain, y, n));
      }
    }
    return periods;
  }
}
