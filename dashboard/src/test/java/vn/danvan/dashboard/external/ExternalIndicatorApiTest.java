package vn.danvan.dashboard.external;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Calls;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * External indicators over HTTP: the {@code external_indicator_values} mart (as
 * {@code danvan external import} writes it, docs/external.md) is answered by {@code /api/series},
 * {@code /api/map} and {@code /api/ranking} like any indicator, beside the marts of TestLake.
 */
class ExternalIndicatorApiTest {
  private static final String SNAPSHOT = "20260101T000000000Z-0000beef";

  @TempDir Path tmp;

  /** Provinces 01 and 02 in 2023-2024, 02 blank in 2023 (no row); 2025 mode: 02 restated. */
  private void withApp(Calls calls) throws Exception {
    serve(TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 34, 7)
        .parquet(SNAPSHOT, "external_indicator_values/part-0.parquet", "SELECT * FROM (VALUES "
            + "('papi_sc11', 'reported', 'province', '01', 'year', '2023', 2023, 1.25, 'external', true, NULL),"
            + "('papi_sc11', 'reported', 'province', '01', 'year', '2024', 2024, 1.5, 'external', true, NULL),"
            + "('papi_sc11', 'reported', 'province', '02', 'year', '2024', 2024, 0.75, 'external', true, NULL),"
            + "('papi_sc11', '2025', 'province', '02', 'year', '2024', 2024, 0.8, 'external', false, 'population')"
            + ") t(indicator, boundaries, level, region_code, grain, period, year, value, source, exact, method)")
        .publish(SNAPSHOT), calls);
  }

  @Test
  void series_spans_the_external_years_and_shows_a_blank_as_no_value() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/series?indicator=papi_sc11&region=01,02"));
      assertThat(body.get("unit").asText()).isEqualTo("điểm");
      // no national figure: the span is that of the provinces' figures
      assertThat(body.get("from").asInt()).isEqualTo(2023);
      assertThat(body.get("to").asInt()).isEqualTo(2024);
      JsonNode haNoi = body.get("series").get(0).get("points");
      assertThat(haNoi.get(0).get("value").asDouble()).isEqualTo(1.25);
      assertThat(haNoi.get(1).get("value").asDouble()).isEqualTo(1.5);
      assertThat(haNoi.get(1).get("source").asText()).isEqualTo("external");
      JsonNode second = body.get("series").get(1).get("points").get(0);
      assertThat(second.get("period").asText()).isEqualTo("2023");
      assertThat(second.has("value")).as("a blank is absent, never 0").isFalse();
      // the other marts are served as before
      JsonNode sessions = ok(client.get("/api/series?indicator=activity_sessions&region=01&from=2024&to=2024"));
      assertThat(sessions.get("series").get(0).get("points").get(0).get("value").asDouble()).isEqualTo(701.0);
    });
  }

  @Test
  void restated_values_carry_their_method_and_the_map_and_ranking_read_them() throws Exception {
    withApp(client -> {
      JsonNode restated = ok(client.get("/api/series?indicator=papi_sc11&region=02&boundaries=2025"));
      JsonNode p = restated.get("series").get(0).get("points").get(0);
      assertThat(p.get("value").asDouble()).isEqualTo(0.8);
      assertThat(p.get("exact").asBoolean()).isFalse();
      assertThat(p.get("method").asText()).isEqualTo("population");
      JsonNode map = ok(client.get("/api/map?indicator=papi_sc11&year=2024&level=province&boundaries=reported"));
      assertThat(map.get("values").findValuesAsText("region")).containsExactly("01", "02");
      JsonNode ranking = ok(client.get("/api/ranking?indicator=papi_sc11&year=2024&level=province"));
      assertThat(ranking.get("regions").get(0).get("region").asText()).isEqualTo("01");
      assertThat(ranking.get("regions").get(0).get("rank").asInt()).isEqualTo(1);
      assertThat(ranking.get("regions").get(1).get("value").asDouble()).isEqualTo(0.75);
    });
  }
}
