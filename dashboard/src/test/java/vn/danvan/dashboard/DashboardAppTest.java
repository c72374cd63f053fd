package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.CATALOGUE;
import static vn.danvan.dashboard.ApiHarness.codes;
import static vn.danvan.dashboard.ApiHarness.fieldNames;
import static vn.danvan.dashboard.ApiHarness.json;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.warehouse.testlake.TestLake;

class DashboardAppTest {
  private static final String SNAPSHOT = "20250715T013000123Z-0badcafe";

  @TempDir Path tmp;

  private TestLake publishedLake() {
    return TestLake.in(tmp.resolve("lake"))
        .regions(SNAPSHOT, 34).activities(SNAPSHOT, 2023, 4).activities(SNAPSHOT, 2024, 6)
        .publish(SNAPSHOT);
  }

  @Test
  void indicators_lists_every_catalogue_row_with_vietnamese_names() throws Exception {
    serve(publishedLake(), client -> {
      Response response = client.get("/api/indicators");
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.headers().get("Content-Type")).anyMatch(v -> v.startsWith("application/json"));
      JsonNode body = json(response);
      assertThat(body.size()).isEqualTo(csvDataRows()).isEqualTo(CATALOGUE.size());
      assertThat(codes(body)).containsExactlyElementsOf(
          CATALOGUE.all().stream().map(i -> i.code()).toList());
      JsonNode first = body.get(0);
      assertThat(fieldNames(first)).containsExactly("code", "name_vi", "name_en", "unit",
          "computation", "reports", "records", "source_tables", "definition_version", "valid_from");
      assertThat(first.get("records").asText())
          .isEqualTo("activities:sum(sessions)[activity_type=briefing_conference]");
      assertThat(first.get("code").asText()).isEqualTo("briefing_conferences");
      assertThat(first.get("name_vi").asText()).isEqualTo("Hội nghị quán triệt/tuyên truyền");
      assertThat(first.get("unit").asText()).isEqualTo("hội nghị");
      assertThat(first.get("source_tables").toString()).isEqualTo("[\"report_values\",\"activities\"]");
      assertThat(first.get("definition_version").asInt()).isEqualTo(1);
      assertThat(first.get("valid_from").asText()).isEqualTo("2015-01-01");
      JsonNode models = find(body, "models_recognized");
      assertThat(models.get("name_vi").asText()).isEqualTo("Mô hình “Dân vận khéo” được công nhận");
      assertThat(find(body, "new_rural_share").get("computation").asText())
          .isEqualTo("ratio:communes_new_rural/communes_total");
      JsonNode papi = find(body, "papi_sc11");
      assertThat(papi.get("name_vi").asText()).isEqualTo("PAPI: Tri thức công dân");
      assertThat(papi.get("unit").asText()).isEqualTo("điểm");
      assertThat(papi.get("computation").asText()).isEqualTo("external:papi");
      assertThat(papi.get("source_tables").toString()).isEqualTo("[\"external_values\"]");
    });
  }

  @Test
  void health_reports_the_snapshot_and_its_row_counts() throws Exception {
    serve(publishedLake(), client -> {
      Response response = client.get("/health");
      assertThat(response.code()).isEqualTo(200);
      JsonNode body = json(response);
      assertThat(body.get("status").asText()).isEqualTo("ok");
      assertThat(body.get("snapshot").asText()).isEqualTo(SNAPSHOT);
      assertThat(body.get("tables").toString()).isEqualTo("{\"regions\":34,\"activities\":10}");
      assertThat(body.get("loaded_at").asText()).isEqualTo("2025-07-15T01:30:00.123Z");
    });
  }

  @Test
  void health_is_503_no_data_before_the_first_load_and_ok_after_refresh() throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake")).regions("s1", 2);
    serve(lake, client -> {
      Response before = client.get("/health");
      assertThat(before.code()).isEqualTo(503);
      JsonNode body = json(before);
      assertThat(body.get("status").asText()).isEqualTo("no_data");
      assertThat(body.get("snapshot").isNull()).isTrue();
      assertThat(client.get("/api/indicators").code()).as("the catalogue needs no data").isEqualTo(200);

      lake.publish("s1");
      client.warehouse().refresh();
      JsonNode after = json(client.get("/health"));
      assertThat(after.get("snapshot").asText()).isEqualTo("s1");
      assertThat(after.get("tables").get("regions").asLong()).isEqualTo(2);
      assertThat(after.get("loaded_at").isNull()).as("id s1 carries no time").isTrue();
    });
  }

  @Test
  void an_unknown_route_is_a_json_404() throws Exception {
    serve(publishedLake(), client -> {
      Response response = client.get("/api/nothing-here?x=1");
      assertThat(response.code()).isEqualTo(404);
      assertThat(json(response).get("error").asText())
          .isEqualTo("not found: GET /api/nothing-here");
    });
  }

  @Test
  void pages_and_echarts_are_served_from_the_jar_with_no_address_outside_it() throws Exception {
    serve(publishedLake(), client -> {
      for (String page : List.of("/", "/trends.html", "/map.html", "/region.html")) {
        Response response = client.get(page);
        assertThat(response.code()).as(page).isEqualTo(200);
        String html = response.body().string();
        assertThat(html).as(page).contains("<html lang=\"vi\">").contains("src=\"/vendor/echarts.min.js\"")
            .doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
      }
      Response echarts = client.get("/vendor/echarts.min.js");
      assertThat(echarts.code()).isEqualTo(200);
      String script = echarts.body().string();
      assertThat(script.length()).isGreaterThan(500_000);
      assertThat(script).contains("5.6.0"); // the version package.json pins
    });
  }

  private static long csvDataRows() throws Exception {
    Path csv = Path.of(System.getProperty("danvan.root", ".."), "catalogue", "indicators.csv");
    return Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
        .skip(1).filter(l -> !l.isBlank()).count();
  }

  private static JsonNode find(JsonNode array, String code) {
    for (JsonNode n : array) {
      if (n.get("code").asText().equals(code)) {
        return n;
      }
    }
    throw new AssertionError("no indicator " + code);
  }
}
