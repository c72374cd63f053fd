package vn.danvan.warehouse.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * A warehouse opened with only the yearly figures in memory (the review pack's) answers a yearly
 * series exactly as the dashboard's does and refuses a quarterly one by name, never with an empty
 * series. The lake: 3 provinces and the nation, 2016-2025 by year, and 2024 by quarter.
 */
class ServedGrainsTest {
  private static final String SNAPSHOT = "20260301T000000000Z-00c05715";
  private static final List<String> REGIONS = List.of("VN", "01", "02", "03");

  @TempDir Path tmp;

  @Test
  void a_year_only_reader_answers_years_as_the_dashboard_does_and_refuses_quarters() {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 3, 7)
        .parquet(SNAPSHOT, "indicator_values/part-1.parquet",
            "SELECT 'activity_sessions' AS indicator, '2025' AS boundaries, 'province' AS level, '01' AS region_code, "
                + "'quarter' AS grain, '2024-Q' || q AS period, 2024 AS year, CAST(q * 10 AS DOUBLE) AS value, "
                + "'records' AS source, true AS exact, CAST(NULL AS VARCHAR) AS method FROM range(1, 5) t(q)")
        .publish(SNAPSHOT);
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    SeriesRequest years = request(Grain.YEAR, 2016);
    SeriesRequest quarters = request(Grain.QUARTER, 2024);
    try (Warehouse all = Warehouse.open(Lake.at(lake.root()));
        Warehouse yearly = Warehouse.open(Lake.at(lake.root()),
            WarehouseOptions.defaults().withServedGrains(EnumSet.of(Grain.YEAR)))) {
      SeriesResult full = new IndicatorQueries(all, catalogue).series(RegionScope.country(), years);
      SeriesResult pack = new IndicatorQueries(yearly, catalogue).series(RegionScope.country(), years);
      assertThat(pack.series()).isEqualTo(full.series());
      assertThat(pack.series().get(1).points()).hasSize(10)
          .allSatisfy(p -> assertThat(p.value()).isEqualTo(701.0));
      assertThat(new IndicatorQueries(all, catalogue).series(RegionScope.country(), quarters).series().get(1)
          .points()).extracting(SeriesPoint::value).containsExactly(10.0, 20.0, 30.0, 40.0, null, null, null, null);
      assertThatThrownBy(() -> new IndicatorQueries(yearly, catalogue).series(RegionScope.country(), quarters))
          .isInstanceOf(InvalidParameterException.class)
          .hasMessage("grain: this reader was opened with the year figures only, not quarter");
    }
  }

  private static SeriesRequest request(Grain grain, int from) {
    return new SeriesRequest("activity_sessions", REGIONS, OptionalInt.of(from), OptionalInt.of(2025), grain,
        Boundaries.RESTATED_2025, false, false);
  }
}
