package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.ApiHarness.Client;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The role × scope × endpoint matrix over the page fixture ({@link PageFixture}) with its lineage
 * (every province and commune continued by itself): a national, a province (Hà Nội, 01) and a
 * commune (00004) account call every read endpoint in both boundary modes. A scoped answer holds
 * no region outside what its scope sees, and each of its region rows is the national answer's row
 * unchanged (cut, never recomputed: a ranking row keeps its national rank and out_of).
 */
class ScopeMatrixTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROVINCE_TOKEN = "province-token-0123456789abcdef";
  private static final String COMMUNE_TOKEN = "commune-token-0123456789abcdef";
  private static final String ANALYST_TOKEN = "analyst-token-0123456789abcdef";
  private static final List<String> MODES = List.of("reported", "2025");

  /** What each scope sees, worked by hand from the fixture: mode -> codes. */
  private static final Map<String, Map<String, Set<String>>> SEEN = Map.of(
      "01", Map.of("reported", Set.of("VN", "01", "001", "00004", "00008"),
          "2025", Set.of("VN", "01", "00004", "00008", "00025")),
      "00004", Map.of("reported", Set.of("VN", "00004"), "2025", Set.of("VN", "00004")));

  @TempDir static Path tmp;
  private static TestLake lake;

  @BeforeAll
  static void writeLake() throws IOException {
    lake = PageFixture.write(tmp.resolve("lake"));
    StringBuilder links = new StringBuilder("('00004', '00004'), ('00008', '00008')");
    PageFixture.PROVINCES.forEach(p -> links.append(", ('").append(p).append("', '").append(p).append("')"));
    lake.parquet(PageFixture.SNAPSHOT, "region_lineage/part-0.parquet", "SELECT old_code, new_code, "
        + "DATE '2025-07-01' AS effective_date, 'full' AS relation, 1.0 AS weight FROM (VALUES " + links
        + ") l(old_code, new_code)");
    Files.createDirectories(lake.root().resolve("geo"));
    Files.writeString(lake.root().resolve("geo/province.geojson"), features("01", "79", "08"));
    Files.writeString(lake.root().resolve("geo/commune.geojson"), features("00004", "00008", "00025"));
  }

  private static String features(String... codes) {
    List<String> f = new ArrayList<>();
    for (String code : codes) {
      f.add("{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"Đơn vị " + code
          + "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.8,21.0]}}");
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", f) + "]}";
  }

  private static AccessControl access() {
    TestAccounts accounts = TestAccounts.standard()
        .add(new Account("hanoi", Role.VIEWER, new RegionScope("01"), false, false), TestAccounts.PASSWORD,
            PROVINCE_TOKEN)
        .add(new Account("phuongbadinh", Role.VIEWER, new RegionScope("00004"), false, false),
            TestAccounts.PASSWORD, COMMUNE_TOKEN)
        .add(new Account("analyst.hanoi", Role.ANALYST, new RegionScope("01"), false, false),
            TestAccounts.PASSWORD, ANALYST_TOKEN);
    return AccessControl.of(accounts, new RecordingAudit());
  }

  /** Every read endpoint in one boundary mode, as a scope's own page would ask it. */
  private static List<String> reads(String mode, String own) {
    String i = "indicator=" + PageFixture.INDICATOR + "&boundaries=" + mode;
    List<String> urls = new ArrayList<>(List.of(
        "/api/series?" + i + "&region=VN," + own,
        "/api/map?" + i + "&year=2024&level=province",
        "/api/map?" + i + "&year=2024&level=commune",
        "/api/ranking?" + i + "&year=2024&level=province",
        "/api/ranking?" + i + "&year=2024&level=commune",
        "/api/regions?boundaries=" + mode,
        "/api/regions?boundaries=" + mode + "&level=commune",
        "/api/regions/" + own + "?boundaries=" + mode,
        "/api/survey/estimates?indicator=" + PageFixture.SURVEY_INDICATOR + "&region=VN," + own + "&boundaries=" + mode,
        "/api/outreach/aggregates?by=region&level=commune&boundaries=" + mode + "&region=" + own,
        "/api/outreach/aggregates?by=platform&boundaries=" + mode + "&region=" + own,
        "/api/outreach/growth?boundaries=" + mode + "&region=" + own,
        "/api/outreach/posts?boundaries=" + mode + "&region=" + own,
        "/api/attainment?year=2024",
        "/api/geo/province",
        "/api/geo/commune"));
    if (mode.equals("reported")) {
      urls.add("/api/consistency?year=2024&region=" + own);
      urls.add("/api/map?" + i + "&year=2024&level=district");
    }
    return urls;
  }

  @Test
  void scoped_answers_hold_only_the_scopes_regions_each_row_as_the_nation_sees_it() throws Exception {
    ApiHarness.serve(lake, access(), client -> {
      for (String scope : List.of("01", "00004")) {
        Client scoped = client.as(scope.equals("01") ? PROVINCE_TOKEN : COMMUNE_TOKEN);
        for (String mode : MODES) {
          for (String url : reads(mode, scope)) {
            JsonNode mine = ok(scoped.get(url), url);
            // the nation asks the same question of its own root where the question names the scope's
            JsonNode all = ok(client.get(url), url);
            Set<String> seen = SEEN.get(scope).get(mode);
            Set<String> regions = new TreeSet<>();
            List<String> rows = new ArrayList<>();
            collect(mine, url, regions, rows);
            assertThat(regions).as("%s as %s", url, scope).isSubsetOf(url.startsWith("/api/geo/")
                ? SEEN.get(scope).get("2025") : seen);
            Set<String> nationRows = new HashSet<>();
            collect(all, url, new TreeSet<>(), nationRows);
            assertThat(nationRows).as("%s: rows of %s are the nation's rows", url, scope).containsAll(rows);
          }
        }
      }
    });
  }

  @Test
  void a_province_sees_its_own_figures_and_rank_among_all_34() throws Exception {
    ApiHarness.serve(lake, access(), client -> {
      Client hanoi = client.as(PROVINCE_TOKEN);
      String i = "indicator=" + PageFixture.INDICATOR + "&year=2024&boundaries=2025";
      JsonNode map = ok(hanoi.get("/api/map?" + i + "&level=province"), "map");
      assertThat(map.get("values")).hasSize(1);
      assertThat(map.get("values").get(0).get("region").asText()).isEqualTo("01");
      assertThat(map.get("values").get(0).get("value").asDouble()).isEqualTo(PageFixture.restated("01", 2024));
      JsonNode ranking = ok(hanoi.get("/api/ranking?" + i + "&level=province"), "ranking").get("regions");
      assertThat(ranking).hasSize(1);
      // Hà Nội is province 1 of the fixture, so the smallest figure: last of the 34
      assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(34);
      assertThat(ranking.get(0).get("out_of").asInt()).isEqualTo(34);
      JsonNode communes = ok(hanoi.get("/api/map?" + i + "&level=commune"), "communes").get("values");
      assertThat(ApiHarness.codes(regionsAsCodes(communes))).containsExactlyInAnyOrder("00004", "00008", "00025");
      JsonNode provinces = ok(hanoi.get("/api/regions?boundaries=2025&level=province"), "regions").get("regions");
      assertThat(ApiHarness.codes(provinces)).containsExactly("01");
      JsonNode geo = ok(hanoi.get("/api/geo/province"), "geo").get("features");
      assertThat(geo).hasSize(1);
      assertThat(geo.get(0).at("/properties/code").asText()).isEqualTo("01");
      // the national comparison stays: the nation's series beside its own
      JsonNode series = ok(hanoi.get("/api/series?indicator=" + PageFixture.INDICATOR + "&region=VN,01"), "series");
      assertThat(series.get("series")).hasSize(2);
      // a commune sees its own commune only, and no province's row
      Client commune = client.as(COMMUNE_TOKEN);
      assertThat(ok(commune.get("/api/map?" + i + "&level=province"), "map").get("values")).isEmpty();
      JsonNode own = ok(commune.get("/api/map?" + i + "&level=commune"), "map").get("values");
      assertThat(ApiHarness.codes(regionsAsCodes(own))).containsExactly("00004");
    });
  }

  @Test
  void a_region_outside_the_scope_is_403_naming_it_and_no_credentials_is_401() throws Exception {
    ApiHarness.serve(lake, access(), client -> {
      Client hanoi = client.as(PROVINCE_TOKEN);
      Client commune = client.as(COMMUNE_TOKEN);
      for (String mode : MODES) {
        String b = "&boundaries=" + mode;
        for (Client c : List.of(hanoi, commune)) {
          ApiHarness.assertError(c.get("/api/series?indicator=" + PageFixture.INDICATOR + "&region=VN,79" + b), 403,
              "region=79 is outside your region scope");
          ApiHarness.assertError(c.get("/api/survey/estimates?indicator=" + PageFixture.SURVEY_INDICATOR
              + "&region=79" + b), 403, "region=79 is outside your region scope");
          ApiHarness.assertError(c.get("/api/regions/79?boundaries=" + mode), 403, "code=79 is outside");
          ApiHarness.assertError(c.get("/api/regions?parent=79" + b), 403, "parent=79 is outside");
          ApiHarness.assertError(c.get("/api/outreach/posts?region=79" + b), 403, "region=79 is outside");
          ApiHarness.assertError(c.get("/api/outreach/aggregates?region=VN" + b), 403, "region=VN (every unit's posts)");
        }
        ApiHarness.assertError(commune.get("/api/series?indicator=" + PageFixture.INDICATOR + "&region=01" + b), 403,
            "region=01 is outside your region scope (00004");
      }
      ApiHarness.assertError(hanoi.get("/api/consistency?year=2024&region=79"), 403, "region=79 is outside");
      // the default region of a scoped account is its own
      JsonNode posts = ok(hanoi.get("/api/outreach/posts"), "posts");
      assertThat(posts.get("region").asText()).isEqualTo("01");
      assertThat(posts.get("posts")).isNotEmpty().isEqualTo(ok(client.get("/api/outreach/posts?region=01"), "posts")
          .get("posts"));
      for (String url : reads("reported", "01")) {
        assertThat(client.anonymous().get(url).code()).as(url).isEqualTo(401);
      }
    });
  }

  /** The body of a 200, failing with the body otherwise. */
  private static JsonNode ok(Response response, String what) throws IOException {
    String body = response.body().string();
    assertThat(response.code()).as("%s: %s", what, body).isEqualTo(200);
    return JSON.readTree(body);
  }

  /** Map values and ranking rows name their region {@code region}: as {@code code} for ApiHarness.codes. */
  private static JsonNode regionsAsCodes(JsonNode values) {
    var out = JSON.createArrayNode();
    values.forEach(v -> out.addObject().put("code", v.get("region").asText()));
    return out;
  }

  /**
   * Every region code an answer names (fields {@code region} and {@code code}, the {@code key} of
   * a breakdown by region, a feature's {@code properties.code}), except its breadcrumb and the
   * answer's own echo of the region asked, and each object that carries one (its row).
   */
  private static void collect(JsonNode node, String url, Set<String> regions, java.util.Collection<String> rows) {
    if (node.isObject()) {
      boolean row = false;
      for (var it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        String name = field.getKey();
        if (name.equals("ancestors")) {
          continue;
        }
        boolean regional = (name.equals("region") || name.equals("code")
            || name.equals("key") && url.contains("by=region")) && field.getValue().isTextual();
        if (regional && node.has("snapshot") && name.equals("region")) {
          continue; // the answer's header echoing the region asked
        }
        if (regional) {
          regions.add(field.getValue().asText());
          row = true;
        } else {
          collect(field.getValue(), url, regions, rows);
        }
      }
      if (row) {
        rows.add(node.toString());
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, url, regions, rows));
    }
  }
}
