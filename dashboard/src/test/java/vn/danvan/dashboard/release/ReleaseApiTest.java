package vn.danvan.dashboard.release;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.ApiHarness.Client;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * Reading a release through the API: snapshot S1 (province NN's figure 700 + NN) frozen as release
 * {@code tong-ket-2025}, then a later load S2 that corrects province 05's restated 2024 figure to
 * 750 and adds a first houses_supported figure (TestLake#corrected).
 */
class ReleaseApiTest {
  private static final String S1 = "20260101T000000000Z-00000001";
  private static final String S2 = "20260201T000000000Z-00000002";
  private static final String NAME = "tong-ket-2025";
  private static final String MAP = "/api/map?indicator=activity_sessions&year=2024&level=province&boundaries=2025";
  private static final String SCOPED = "scoped.05";
  private static final String SCOPED_TOKEN = "scoped-token-0123456789abcdef";

  @TempDir Path tmp;

  private TestLake frozen() {
    TestLake lake = TestLake.in(tmp).marts(S1, 34, 7).publish(S1);
    Releases.of(Lake.at(tmp)).create(NAME, S1, "Số liệu tổng kết năm 2025", "os:lan",
        Instant.parse("2026-01-15T08:00:00Z"));
    return lake;
  }

  private static JsonNode value(JsonNode map, String region) {
    for (JsonNode v : map.get("values")) {
      if (v.get("region").asText().equals(region)) {
        return v.get("value");
      }
    }
    throw new AssertionError("no region " + region + " in " + map);
  }

  @Test
  void a_release_answers_as_frozen_after_a_later_load_changes_a_figure_and_says_so() throws Exception {
    TestLake lake = frozen();
    serve(lake, client -> {
      Response before = client.get(MAP + "&release=" + NAME);
      assertThat(before.headers().get(ReleaseWarehouses.HEADER)).containsExactly(NAME);
      String frozenAnswer = before.body().string();
      assertThat(client.get(MAP).headers().get(ReleaseWarehouses.HEADER)).isNull();

      lake.corrected(S1, S2).publish(S2);
      assertThat(client.warehouse().refresh()).isTrue();

      // the release's answer is the same bytes; the current one has the correction
      Response after = client.get(MAP + "&release=" + NAME);
      assertThat(after.body().string()).isEqualTo(frozenAnswer);
      assertThat(value(ok(client.get(MAP)), "05").asDouble()).isEqualTo(750.0);
      assertThat(value(ok(client.get(MAP + "&release=" + NAME)), "05").asDouble()).isEqualTo(705.0);
      assertThat(ok(client.get(MAP + "&release=current")).get("snapshot").asText()).isEqualTo(S2);
      // every read, not only the map: a series, the health the pages read their load time from
      String series = "/api/series?indicator=houses_supported&region=03&from=2024&to=2024&boundaries=2025";
      assertThat(ok(client.get(series)).get("series").get(0).get("points").get(0).get("value").asDouble())
          .isEqualTo(5.0);
      assertThat(ok(client.get(series + "&release=" + NAME)).get("series").get(0).get("points").get(0)
          .has("value")).isFalse();
      assertThat(ok(client.get("/health?release=" + NAME)).get("snapshot").asText()).isEqualTo(S1);
      assertThat(ok(client.get("/health")).get("snapshot").asText()).isEqualTo(S2);
    });
  }

  @Test
  void the_releases_are_listed_and_an_unknown_one_is_a_404_naming_them() throws Exception {
    serve(frozen(), client -> {
      JsonNode list = ok(client.get("/api/releases"));
      assertThat(list.get("releases")).hasSize(1);
      assertThat(list.get("releases").get(0).toString()).startsWith("{\"name\":\"" + NAME + "\","
          + "\"title\":\"Số liệu tổng kết năm 2025\",\"snapshot\":\"" + S1 + "\","
          + "\"created_at\":\"2026-01-15T08:00:00Z\",\"created_by\":\"os:lan\",\"files\":2,");
      assertThat(ok(client.get("/api/releases/" + NAME)).get("manifest_sha256").asText()).hasSize(64);
      assertThat(ok(client.as(TestAccounts.VIEWER_TOKEN).get("/api/releases")).get("releases")).hasSize(1);

      String names = "release: no release named 'nope' (releases: " + NAME + ")";
      assertError(client.get(MAP + "&release=nope"), 404, names);
      assertError(client.get("/api/indicators?release=nope"), 404, names);
      assertError(client.get("/api/releases/nope"), 404, names);
      assertError(client.get(MAP + "&release=../snapshots"), 404, "release: no release named '../snapshots'");
      assertThat(client.anonymous().get("/api/releases").code()).isEqualTo(401);
    });
  }

  @Test
  void a_scoped_account_reads_only_its_area_of_a_release() throws Exception {
    TestLake lake = frozen().corrected(S1, S2).publish(S2);
    TestAccounts accounts = TestAccounts.standard()
        .add(new Account(SCOPED, Role.VIEWER, new RegionScope("05"), false, false), TestAccounts.PASSWORD, SCOPED_TOKEN);
    serve(lake, AccessControl.of(accounts, new RecordingAudit()), admin -> {
      Client scoped = admin.as(SCOPED_TOKEN);
      JsonNode map = ok(scoped.get(MAP + "&release=" + NAME));
      assertThat(map.get("values")).hasSize(1);
      assertThat(value(map, "05").asDouble()).isEqualTo(705.0);
      JsonNode ranking = ok(scoped.get(MAP.replace("/api/map", "/api/ranking") + "&release=" + NAME)).get("regions");
      assertThat(ranking).hasSize(1);
      // its national rank in the release: 705 is 30th of 34 (06..34 are higher)
      assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(30);
      assertError(scoped.get("/api/series?indicator=activity_sessions&region=07&release=" + NAME), 403,
          "region=07 is outside your region scope");
      // the same question of current figures: the correction, still cut to the scope
      assertThat(value(ok(scoped.get(MAP)), "05").asDouble()).isEqualTo(750.0);
    });
  }
}
