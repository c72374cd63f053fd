package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.danvan.dashboard.ApiHarness.codes;
import static vn.danvan.dashboard.ApiHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.geo.GeoStore;

/** The endpoints the pages need besides the trend API: regions, boundaries, XLSX and OpenAPI. */
class PageApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private void serve(ApiHarness.Calls calls) throws Exception {
    ApiHarness.serve(PageFixture.write(tmp.resolve("lake")), calls);
  }

  @Test
  void a_region_profile_has_its_breadcrumb_and_children_in_each_boundary_mode() throws Exception {
    serve(client -> {
      JsonNode commune = json(client.get("/api/regions/00004?boundaries=reported"));
      assertThat(commune.get("region").toString())
          .isEqualTo("{\"code\":\"00004\",\"name\":\"Phường Phúc Xá\",\"level\":\"commune\",\"parent\":\"001\"}");
      assertThat(codes(commune.get("ancestors"))).containsExactly("VN", "01", "001");
      assertThat(commune.get("snapshot").asText()).isEqualTo(PageFixture.SNAPSHOT);
      JsonNode hanoi = json(client.get("/api/regions/01?boundaries=2025"));
      assertThat(codes(hanoi.get("children"))).containsExactly("00004", "00008", "00025");
      assertThat(codes(json(client.get("/api/regions/01?boundaries=reported")).get("children"))).containsExactly("001");
      JsonNode provinces = json(client.get("/api/regions?boundaries=2025&level=province"));
      assertThat(provinces.get("regions").size()).isEqualTo(34);
      Response unknown = client.get("/api/regions/001?boundaries=2025");
      assertThat(unknown.code()).isEqualTo(404);
      assertThat(json(unknown).get("error").asText()).isEqualTo("region: 001 is not a region of boundaries=2025");
      Response badLevel = client.get("/api/regions?level=hamlet");
      assertThat(badLevel.code()).isEqualTo(400);
      assertThat(json(badLevel).get("error").asText()).startsWith("level: must be one of nation, province");
    });
  }

  @Test
  void geo_answers_404_until_an_import_then_the_normalised_boundaries() throws Exception {
    serve(client -> {
      assertThat(json(client.get("/api/geo")).toString()).isEqualTo("{\"province\":false,\"commune\":false}");
      Response none = client.get("/api/geo/province");
      assertThat(none.code()).isEqualTo(404);
      assertThat(json(none).get("error").asText()).contains("bin/danvan geo import FILE --level province");
      GeoStore.Imported done = new GeoStore(tmp.resolve("lake")).importFile(
          PageFixture.provincesGeoJson(), "province", "code", Map.of());
      assertThat(done.features()).isEqualTo(34);
      Response geo = client.get("/api/geo/province");
      assertThat(geo.code()).isEqualTo(200);
      assertThat(geo.headers().get("Content-Type")).anyMatch(v -> v.startsWith("application/geo+json"));
      JsonNode features = json(geo).get("features");
      assertThat(features.size()).isEqualTo(34);
      JsonNode hanoi = features.get(0);
      assertThat(hanoi.get("properties").toString()).isEqualTo("{\"code\":\"01\",\"name\":\"Hà Nội\"}");
      assertThat(json(client.get("/api/geo")).get("province").asBoolean()).isTrue();
    });
  }

  @Test
  void geo_import_refuses_codes_the_snapshot_does_not_know_and_writes_nothing() throws Exception {
    Path file = tmp.resolve("bad.geojson");
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"01\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105.1234567,21.0],[105.2,21.0],[105.2,21.1],[105.1234567,21.0]]]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"code\":\"99\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}");
    GeoStore store = new GeoStore(tmp.resolve("lake"));
    assertThatThrownBy(() -> store.importFile(file, "province", "code", Map.of("01", "Hà Nội", "79", "HCM")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("codes not among the 2 province regions of the served snapshot: 99");
    assertThat(store.file("province")).isEmpty();
    assertThatThrownBy(() -> store.importFile(file, "province", "ma_tinh", Map.of()))
        .hasMessageStartingWith("feature 1 has no property 'ma_tinh'");
    GeoStore.Imported done = store.importFile(file, "province", "code", Map.of("01", "Hà Nội", "79", "HCM", "99", "X"));
    assertThat(done.missing()).containsExactly("79");
    JsonNode written = JSON.readTree(store.file("province").orElseThrow().toFile());
    // coordinates rounded to 5 decimals
    assertThat(written.at("/features/0/geometry/coordinates/0/0/0").asDouble()).isEqualTo(105.12346);
  }

  @Test
  void xlsx_export_holds_the_posted_table_with_numbers_as_numbers_and_no_data_empty() throws Exception {
    serve(client -> {
      String body = "{\"title\":\"Nhà được xây/sửa 2020\",\"source\":\"report_values, activities\",\"snapshot\":\"S1\","
          + "\"columns\":[\"Mã\",\"Giá trị\"],\"rows\":[[\"01\",154.5],[\"79\",null]]}";
      HttpResponse<byte[]> r = client.post("/api/export/xlsx", body);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("filename*=UTF-8''Nh%C3%A0-%C4%91%C6%B0%E1%BB%A3c-x%C3%A2y-s%E1%BB%ADa-2020.xlsx");
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
        var sheet = book.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Giá trị");
        assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(154.5);
        assertThat(sheet.getRow(2).getCell(1)).isNull();
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        assertThat(book.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).isEqualTo("report_values, activities");
      }
      HttpResponse<byte[]> ragged = client.post("/api/export/xlsx", "{\"columns\":[\"a\",\"b\"],\"rows\":[[1]]}");
      assertThat(ragged.statusCode()).isEqualTo(400);
      assertThat(new String(ragged.body(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("rows: row 1 has 1 cells, the header 2");
    });
  }

  @Test
  void openapi_describes_every_route_with_the_fields_the_answers_really_have() throws Exception {
    serve(client -> {
      JsonNode doc = json(client.get("/openapi.json"));
      assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
      assertThat(names(doc.get("paths"))).containsExactlyInAnyOrder("/health", "/api/indicators", "/api/series",
          "/api/map", "/api/ranking", "/api/attainment", "/api/consistency", "/api/survey/estimates",
          "/api/outreach/aggregates", "/api/outreach/growth", "/api/outreach/posts", "/api/regions",
          "/api/regions/{code}", "/api/releases", "/api/releases/{name}",
          "/api/geo", "/api/geo/{level}", "/api/export/xlsx", "/api/export/csv", "/api/audit", "/api/login",
          "/api/logout", "/api/session", "/api/password", "/api/review", "/api/review/pack.pdf",
          "/api/review/pack.docx", "/api/review/pack.zip", "/api/intake/template", "/api/intake/check",
          "/api/intake/submit", "/api/intake/submissions", "/api/intake/load");
      assertThat(doc.at("/paths/~1api~1export~1xlsx/post")).isNotNull();
      assertThat(doc.at("/paths/~1api~1intake~1check/post/x-required-role").asText()).isEqualTo("reporter");
      assertThat(doc.at("/paths/~1api~1intake~1load/post/x-required-role").asText()).isEqualTo("admin");
      // who may call what: a download needs an analyst, reads a viewer, the login anyone
      assertThat(doc.at("/paths/~1api~1export~1xlsx/post/x-required-role").asText()).isEqualTo("analyst");
      assertThat(doc.at("/paths/~1api~1series/get/x-required-role").asText()).isEqualTo("viewer");
      assertThat(doc.at("/paths/~1api~1login/post/x-required-role").isMissingNode()).isTrue();
      assertThat(doc.at("/paths/~1api~1login/post/security").toString()).isEqualTo("[{}]");
      assertThat(doc.at("/paths/~1api~1series/get/responses/401/description").asText()).startsWith("not signed in");
      assertThat(names(doc.at("/components/securitySchemes"))).containsExactly("bearer", "session");
      assertThat(names(doc.at("/components/schemas/SessionJson/properties")))
          .containsExactlyInAnyOrder("login", "role", "scope", "must_change", "csrf");
      JsonNode seriesParams = doc.at("/paths/~1api~1series/get/parameters");
      List<String> params = new ArrayList<>();
      seriesParams.forEach(p -> params.add(p.get("name").asText()));
      assertThat(params).containsExactly("indicator", "region", "from", "to", "grain", "boundaries", "trend", "per_capita",
          "release");
      // every read takes release=NAME, signing in and out none
      assertThat(doc.at("/paths/~1api~1releases/get/parameters/0/name").asText()).isEqualTo("release");
      assertThat(doc.at("/paths/~1api~1session/get/parameters").toString()).doesNotContain("release");
      JsonNode schemas = doc.at("/components/schemas");
      // the schema's properties are exactly the keys a real answer carries
      JsonNode series = json(client.get("/api/series?indicator=houses_supported&region=VN,79&from=2020&to=2020&trend=true"));
      assertThat(names(schemas.get("SeriesResult").get("properties"))).isEqualTo(names(series));
      assertThat(names(schemas.get("RegionSeries").get("properties"))).containsAll(names(series.at("/series/0")));
      JsonNode map = json(client.get("/api/map?indicator=houses_supported&year=2020&boundaries=2025"));
      assertThat(names(schemas.get("MapResult").get("properties"))).isEqualTo(names(map));
      assertThat(names(schemas.get("MapValue").get("properties"))).containsAll(names(map.at("/values/0")));
      assertThat(doc.at("/paths/~1api~1map/get/responses/404/content/application~1json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/ErrorJson");
    });
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
