package vn.danvan.dashboard.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.fieldNames;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Calls;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The JSON shapes other tools depend on, and the 400 / 404 answers that name the parameter at
 * fault. The lake holds marts where province {@code NN}'s value is {@code 700 + NN}, the nation's
 * 700 (TestLake#marts with base 7), and one report whose scope breakdown is 3 short of its total.
 */
class TrendApiTest {
  private static final String SNAPSHOT = "20260101T000000000Z-0000cafe";

  @TempDir Path tmp;

  private void withApp(Calls calls) throws Exception {
    serve(TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 34, 7)
        .parquet(SNAPSHOT, "report_values/year=2024/part-0.parquet", "SELECT * FROM (VALUES "
            + "('R1', '05', DATE '2024-01-01', DATE '2024-12-31', 'mobilization_board', 'models_new', NULL, 20.0, 'BC 1'),"
            + "('R2', '05', DATE '2024-01-01', DATE '2024-12-31', 'mobilization_board', 'models_new', 'scope=collective', 15.0, 'BC 1'),"
            + "('R3', '05', DATE '2024-01-01', DATE '2024-12-31', 'mobilization_board', 'models_new', 'scope=individual', 2.0, 'BC 1'),"
            + "('R4', '05', DATE '2024-01-01', DATE '2024-12-31', 'mobilization_board', 'models_new', 'field=economic', 20.0, 'BC 1')"
            + ") t(report_id, region_code, period_start, period_end, unit, indicator, disaggregation, value, source_document)")
        // houses_supported: figures for two provinces only, restated, in 2024
        .parquet(SNAPSHOT, "indicator_values/part-1.parquet", "SELECT 'houses_supported' AS indicator, "
            + "'2025' AS boundaries, 'province' AS level, code AS region_code, 'year' AS grain, '2024' AS period, "
            + "2024 AS year, v AS value, 'reports' AS source, false AS exact, 'weight' AS method "
            + "FROM (VALUES ('03', 5.0), ('09', 12.0)) t(code, v)")
        .publish(SNAPSHOT), calls);
  }

  @Test
  void series_has_the_documented_shape_and_rolls_each_region_up() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/series?indicator=activity_sessions&region=01,VN&from=2023&to=2024"
          + "&grain=year&boundaries=2025"));
      assertThat(fieldNames(body)).containsExactly("indicator", "unit", "grain", "boundaries", "from", "to",
          "boundary_change", "snapshot", "series");
      assertThat(body.get("unit").asText()).isEqualTo("buổi");
      assertThat(body.get("snapshot").asText()).isEqualTo(SNAPSHOT);
      JsonNode province = body.get("series").get(0);
      assertThat(fieldNames(province)).containsExactly("region", "name", "level", "points");
      assertThat(province.get("name").asText()).isEqualTo("Tỉnh 1");
      assertThat(province.get("points").toString()).isEqualTo("[{\"period\":\"2023\",\"value\":701.0,"
          + "\"source\":\"records\",\"exact\":false,\"method\":\"weight\"},{\"period\":\"2024\",\"value\":701.0,"
          + "\"source\":\"records\",\"exact\":false,\"method\":\"weight\"}]");
      assertThat(body.get("series").get(1).get("points").get(0).get("value").asDouble()).isEqualTo(700.0);
    });
  }

  @Test
  void series_lists_every_period_of_the_grain_with_null_for_no_data() throws Exception {
    withApp(client -> {
      JsonNode points = ok(client.get("/api/series?indicator=activity_sessions&region=02&from=2025&to=2025"
          + "&grain=quarter")).get("series").get(0).get("points");
      assertThat(points.toString()).isEqualTo("[{\"period\":\"2025-Q1\"},{\"period\":\"2025-Q2\"},"
          + "{\"period\":\"2025-Q3\"},{\"period\":\"2025-Q4\"}]");
      JsonNode trend = ok(client.get("/api/series?indicator=activity_sessions&region=03&trend=true"))
          .get("series").get(0);
      assertThat(trend.get("points")).hasSize(10);
      assertThat(trend.get("trend").get("slope_per_year").asDouble()).isZero();
      assertThat(trend.get("trend").get("n").asInt()).isEqualTo(10);
    });
  }

  @Test
  void map_lists_the_regions_of_a_level_with_names_and_values() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/map?indicator=activity_sessions&year=2024&level=province&boundaries=2025"));
      JsonNode values = body.get("values");
      assertThat(values).hasSize(34);
      assertThat(values.get(4).toString()).isEqualTo("{\"region\":\"05\",\"name\":\"Tỉnh 5\",\"value\":705.0,"
          + "\"source\":\"records\",\"exact\":false,\"method\":\"weight\",\"in_force\":false}");
    });
  }

  @Test
  void ranking_orders_the_map_s_regions_by_value() throws Exception {
    withApp(client -> {
      JsonNode regions = ok(client.get("/api/ranking?indicator=activity_sessions&year=2024&level=province"
          + "&boundaries=2025")).get("regions");
      assertThat(regions).hasSize(34);
      assertThat(regions.get(0).toString()).isEqualTo("{\"region\":\"34\",\"name\":\"Tỉnh 34\","
          + "\"value\":734.0,\"rank\":1,\"out_of\":34,\"percentile\":100.0}");
      assertThat(regions.get(33).get("region").asText()).isEqualTo("01");
      assertThat(ok(client.get("/api/attainment?year=2024"))).isEmpty();
      assertError(client.get("/api/series?indicator=activity_sessions&region=01&per_capita=yes"), 400,
          "per_capita: must be true or false");
    });
  }

  @Test
  void a_restated_map_lists_every_unit_with_or_without_a_figure_and_ranks_only_the_figures() throws Exception {
    withApp(client -> {
      String query = "?indicator=houses_supported&year=2024&level=province&boundaries=2025";
      JsonNode values = ok(client.get("/api/map" + query)).get("values");
      assertThat(values).hasSize(34);
      assertThat(values.get(2).toString()).isEqualTo("{\"region\":\"03\",\"name\":\"Tỉnh 3\",\"value\":5.0,"
          + "\"source\":\"reports\",\"exact\":false,\"method\":\"weight\",\"in_force\":false}");
      assertThat(values.get(3).toString()).isEqualTo("{\"region\":\"04\",\"name\":\"Tỉnh 4\",\"in_force\":false}");
      JsonNode ranked = ok(client.get("/api/ranking" + query)).get("regions");
      assertThat(ranked).hasSize(34);
      assertThat(ranked.get(0).toString()).isEqualTo("{\"region\":\"09\",\"name\":\"Tỉnh 9\",\"value\":12.0,"
          + "\"rank\":1,\"out_of\":2,\"percentile\":100.0}");
      assertThat(ranked.get(1).get("rank").asInt()).isEqualTo(2);
      assertThat(ranked.get(2).toString()).isEqualTo("{\"region\":\"01\",\"name\":\"Tỉnh 1\",\"out_of\":2}");
      // as reported: the units in force at the year's end, none with a figure here
      JsonNode reported = ok(client.get("/api/map?indicator=houses_supported&year=2025&level=province")).get("values");
      assertThat(reported).hasSize(34);
      assertThat(reported.findValues("value")).isEmpty();
    });
  }

  @Test
  void consistency_lists_the_breakdown_that_does_not_add_up_only() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/consistency?region=05&year=2024"));
      assertThat(body).hasSize(1);
      JsonNode m = body.get(0);
      assertThat(List.of(m.get("indicator").asText(), m.get("period").asText(), m.get("key").asText()))
          .containsExactly("models_new", "2024", "scope");
      assertThat(List.of(m.get("total").asDouble(), m.get("sum").asDouble(), m.get("difference").asDouble()))
          .containsExactly(20.0, 17.0, -3.0);
      assertThat(ok(client.get("/api/consistency?year=2024"))).hasSize(1);
      assertThat(ok(client.get("/api/consistency?region=06&year=2024"))).isEmpty();
    });
  }

  @Test
  void bad_parameters_are_400_naming_the_parameter() throws Exception {
    withApp(client -> {
      String base = "/api/series?indicator=activity_sessions&region=01";
      assertError(client.get(base + "&grain=week"), 400, "grain: must be one of year, half, quarter, month");
      assertError(client.get(base + "&boundaries=2024"), 400, "boundaries: must be one of reported, 2025");
      assertError(client.get(base + "&from=19"), 400, "from: a year is YYYY");
      assertError(client.get(base + "&from=2024&to=2020"), 400, "from: must not be after to");
      assertError(client.get("/api/series?region=01"), 400, "indicator: is required");
      assertError(client.get("/api/series?indicator=activity_sessions&region=1A"), 400, "region: a region code is");
      assertError(client.get("/api/map?indicator=activity_sessions&year=2024&level=district&boundaries=2025"),
          400, "level: boundaries=2025 has no district level");
      assertError(client.get("/api/map?indicator=activity_sessions&level=province"), 400, "year: is required");
      assertError(client.get("/api/consistency?region=01"), 400, "year: is required");
    });
  }

  @Test
  void unknown_indicator_or_region_is_404() throws Exception {
    withApp(client -> {
      assertError(client.get("/api/series?indicator=nope&region=01"), 404, "indicator: 'nope' is not in");
      assertError(client.get("/api/series?indicator=activity_sessions&region=01,77"), 404, "region: 77 is not");
      assertError(client.get("/api/map?indicator=nope&year=2024"), 404, "indicator:");
      assertError(client.get("/api/consistency?region=99&year=2024"), 404, "region: 99 is not");
    });
  }
}
