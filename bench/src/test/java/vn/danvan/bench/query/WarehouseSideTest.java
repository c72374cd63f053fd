package vn.danvan.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.testlake.TestLake;

/** The bench's warehouse reads on a tiny mart whose answers are counted by hand. */
class WarehouseSideTest {
  private static final String ID = "s1";
  @TempDir Path dir;
  private Warehouse warehouse;
  private WarehouseSide side;

  @BeforeEach
  void lake() {
    TestLake lake = TestLake.in(dir);
    // two indicators; provinces 01 and 04 (2025), a commune 00001, a reported-mode row and a quarter
    lake.parquet(ID, "indicator_values/part-0.parquet", """
        SELECT * REPLACE (CAST(year AS INTEGER) AS year, CAST(value AS DOUBLE) AS value) FROM (VALUES
          ('activity_sessions', '2025', 'province', '01', 'year', '2016', 2016, 1.0, 'report', true, NULL),
          ('activity_sessions', '2025', 'province', '01', 'year', '2025', 2025, 2.0, 'report', true, NULL),
          ('activity_sessions', '2025', 'province', '04', 'year', '2024', 2024, 4.0, 'records', true, NULL),
          ('activity_sessions', '2025', 'province', '04', 'year', '2015', 2015, 100.0, 'records', true, NULL),
          ('activity_sessions', '2025', 'province', '04', 'quarter', '2024-Q1', 2024, 100.0, 'records', true, NULL),
          ('activity_sessions', 'reported', 'province', '01', 'year', '2020', 2020, 100.0, 'report', true, NULL),
          ('activity_sessions', '2025', 'commune', '00001', 'year', '2024', 2024, 8.0, 'mixed', false, 'weight'),
          ('activity_sessions', '2025', 'commune', '00002', 'year', '2023', 2023, 100.0, 'mixed', true, NULL),
          ('models_new', '2025', 'province', '01', 'year', '2020', 2020, 16.0, 'report', true, NULL),
          ('models_new', '2025', 'commune', '00001', 'year', '2024', 2024, 32.0, 'report', true, NULL),
          ('models_new', '2025', 'commune', '00002', 'year', '2024', 2024, 64.0, 'report', true, NULL)
        ) t(indicator, boundaries, level, region_code, grain, period, year, value, source, exact, method)""")
        .parquet(ID, "mart_regions/part-0.parquet", """
        SELECT * FROM (VALUES
          ('2025', 'province', '01', 'Hà Nội', 'VN', DATE '2025-07-01', NULL::DATE),
          ('2025', 'province', '04', 'Cao Bằng', 'VN', DATE '2025-07-01', NULL),
          ('2025', 'commune', '00001', 'Phường 1', '01', DATE '2025-07-01', NULL),
          ('2025', 'commune', '00002', 'Phường 2', '01', DATE '2025-07-01', NULL)
        ) t(boundaries, level, region_code, name, parent_code, valid_from, valid_to)""")
        .activities(ID, 2023, 3)
        .activities(ID, 2024, 2)
        .publish(ID);
    warehouse = Warehouse.open(Lake.at(dir));
    side = new WarehouseSide(warehouse);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  @Test
  void the_workload_comes_from_the_snapshot() throws Exception {
    Workload w = side.workload(1, 5);

    assertThat(w.regions()).containsExactly("01", "04");
    assertThat(w.indicators()).containsExactly("models_new"); // two commune figures in 2024 against one
    assertThat(w.activityTypes()).containsExactly("gift_visit");
  }

  @Test
  void series_reads_the_listed_regions_in_the_years_asked() throws Exception {
    Workload w = workload("activity_sessions");

    // 01: 2016 and 2025; 04: 2024 (2015 is before the span, the quarter and reported rows differ)
    assertThat(side.series(w).run(0)).isEqualTo(new Answer(3, 7.0));
  }

  @Test
  void map_reads_every_commune_of_the_year() throws Exception {
    Workload w = workload("models_new");

    assertThat(side.map(w).run(0)).isEqualTo(new Answer(2, 96.0));
  }

  @Test
  void scan_sums_participants_per_year() throws Exception {
    // TestLake: participants 10 + i; 2023: 10 + 11 + 12, 2024: 10 + 11
    assertThat(side.scan(workload("activity_sessions")).run(0)).isEqualTo(new Answer(2, 54.0));
  }

  private static Workload workload(String indicator) {
    return new Workload("2025", 2016, 2025, 2024, "commune", java.util.List.of("01", "04"),
        java.util.List.of(indicator), java.util.List.of("gift_visit"));
  }
}
