package vn.danvan.dashboard.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.json;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Client;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * Every read endpoint refuses a request past its cost limit before running it: 400, the limit and
 * the figure asked named, no statement run on the warehouse, and fast. The lake: 63 provinces and the nation (indicator marts
 * 2016-2025), 60 posts on 60 channels published in 1950 and 2099, a survey series asked in 16 waves.
 */
class CostLimitsApiTest {
  private static final String SNAPSHOT = "20260301T000000000Z-00c05715";
  private static final String ALL = "VN," + IntStream.rangeClosed(1, 63).mapToObj(i -> String.format("%02d", i))
      .collect(Collectors.joining(","));
  private static final Duration FAST = Duration.ofMillis(50);

  @TempDir Path tmp;

  private void withApp(ApiCalls calls) throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 63, 7)
        .parquet(SNAPSHOT, "post_stats/part-0.parquet", POSTS)
        .parquet(SNAPSHOT, "survey_estimates/part-0.parquet", SURVEY)
        .publish(SNAPSHOT);
    serve(lake, client -> {
      client.get("/api/series?indicator=activity_sessions&region=VN&from=1900"); // warms the path up
      calls.run(client);
    });
  }

  @FunctionalInterface
  private interface ApiCalls {
    void run(Client client) throws Exception;
  }

  @Test
  void a_series_of_too_many_cells_is_refused_quickly_and_the_pages_largest_passes() throws Exception {
    withApp(client -> {
      refused(client, "/api/series?indicator=activity_sessions&region=" + ALL + "&from=2000&to=2100&grain=month",
          "region × period: 64 regions × 1,212 months = 77,568 cells; the limit is 50,000");
      // open-ended: counted over the years with figures (2016-2025), not 1945-2100
      JsonNode body = ok(client.get("/api/series?indicator=activity_sessions&region=" + ALL));
      assertThat(body.get("series")).hasSize(64);
      assertThat(body.get("series").get(0).get("points")).hasSize(10);
      refused(client, "/api/series?indicator=activity_sessions&region=VN&from=1900&to=2999",
          "from: a year is YYYY between 1945 and 2100, not 1900");
      refused(client, "/api/map?indicator=activity_sessions&year=3000", "year: a year is YYYY between 1945 and 2100");
      refused(client, "/api/series?indicator=activity_sessions&region=" + ALL + ",001,002,003,004,005,006,007,008,009,"
          + "010,011,012,013,014,015,016,017,018,019,020,021,022,023,024,025,026,027,028,029,030,031,032,033,034,035,036,037",
          "region: at most 100 regions per request, not 101");
    });
  }

  @Test
  void an_outreach_aggregate_of_too_many_cells_is_refused() throws Exception {
    withApp(client -> {
      // the first read of a snapshot learns the posts' years and channels (kept for the snapshot)
      assertThat(ok(client.get("/api/outreach/aggregates?by=channel&grain=year")).get("rows")).hasSize(60);
      refused(client, "/api/outreach/aggregates?by=channel&grain=month",
          "period × breakdown: 1,800 months × 60 values of channel = 108,000 cells; the limit is 50,000");
      refused(client, "/api/outreach/aggregates?by=channel&grain=month&from=1900", "from: a year is YYYY");
      assertThat(ok(client.get("/api/outreach/aggregates?by=channel&grain=month&from=2099")).get("rows")).hasSize(30);
    });
  }

  @Test
  void survey_estimates_of_too_many_region_waves_are_refused() throws Exception {
    withApp(client -> {
      assertThat(ok(client.get("/api/survey/estimates?indicator=trust_local_government&region=" + ALL + "&wave=W3"))
          .get("regions")).hasSize(64);
      // the first read learned the series' waves (kept for the snapshot): the refusal reads nothing
      refused(client, "/api/survey/estimates?indicator=trust_local_government&region=" + ALL,
          "region × wave: 64 regions × 16 waves = 1,024 region-waves; the limit is 1,000");
    });
  }

  @Test
  void an_export_of_too_many_cells_is_refused() throws Exception {
    withApp(client -> {
      String row = "[" + IntStream.range(0, 1000).mapToObj(i -> "1").collect(Collectors.joining(",")) + "]";
      String body = "{\"title\":\"t\",\"columns\":[" + IntStream.range(0, 1000).mapToObj(i -> "\"c" + i + "\"")
          .collect(Collectors.joining(",")) + "],\"rows\":[" + String.join(",", java.util.Collections.nCopies(501, row)) + "]}";
      HttpResponse<byte[]> r = client.post("/api/export/xlsx", body);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("rows × columns: 501 rows × 1,000 columns = 501,000 cells; the limit is 500,000");
    });
  }

  /**
   * The refusal, asked three times: each answers 400 with the message; none of them runs a
   * statement on the warehouse (the warehouse counts them: a refusal checked after the query fails
   * here); the fastest within {@link #FAST}, a loose bound (5-20 ms measured here). A refusal is
   * the same work each time, so the fastest try is its cost; one slow try is this machine (a GC
   * pause, code run for the first time in this JVM): a single try failed in CI at 62 ms.
   */
  private static void refused(Client client, String path, String messageStart) throws Exception {
    Duration fastest = null;
    long statements = client.warehouse().statementsRun();
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      Response r = client.get(path);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String error = json(r).get("error").asText();
      assertThat(r.code()).as(error).isEqualTo(400);
      assertThat(error).startsWith(messageStart);
      fastest = fastest == null || took.compareTo(fastest) < 0 ? took : fastest;
    }
    assertThat(fastest).as(path).isLessThan(FAST);
    assertThat(client.warehouse().statementsRun()).as("statements run by " + path).isEqualTo(statements);
  }

  /** post_stats (docs/outreach.md): 60 posts of province 01, each on its own channel, half in 1950, half in 2099. */
  private static final String POSTS = "SELECT 'P' || i AS post_id, 'military' AS unit, 'LL47' AS team, "
      + "'01' AS region_code, 'facebook' AS platform, 'Trang ' || i AS channel, "
      + "CAST(d AS TIMESTAMP) AS published_at, d AS published_date, 'law' AS topic, 'image' AS format, "
      + "year(d) AS year, '01' AS r_province, CAST(NULL AS VARCHAR) AS r_district, CAST(NULL AS VARCHAR) AS r_commune, "
      + "'01' AS n_province, CAST(NULL AS VARCHAR) AS n_commune, true AS n_exact, 3 AS snapshots, "
      + "0 AS decreasing_snapshots, CAST(1 AS BIGINT) AS shares, CAST(1 AS BIGINT) AS comments, "
      + "CAST(1 AS BIGINT) AS reactions, CAST(NULL AS BIGINT) AS views, CAST(3 AS BIGINT) AS interactions, "
      + "true AS covered_1h, 0.25 AS shares_1h, 0.25 AS comments_1h, 0.25 AS reactions_1h, 0.75 AS interactions_1h, "
      + "true AS covered_24h, 0.5 AS shares_24h, 0.5 AS comments_24h, 0.5 AS reactions_24h, 1.5 AS interactions_24h, "
      + "false AS covered_7d, CAST(NULL AS DOUBLE) AS shares_7d, CAST(NULL AS DOUBLE) AS comments_7d, "
      + "CAST(NULL AS DOUBLE) AS reactions_7d, CAST(NULL AS DOUBLE) AS interactions_7d, "
      + "CAST(NULL AS DOUBLE) AS benchmark_1h, 0 AS benchmark_posts_1h, CAST(NULL AS DOUBLE) AS score_1h, "
      + "1.0 AS benchmark_24h, 10 AS benchmark_posts_24h, 1.5 AS score_24h, CAST(NULL AS DOUBLE) AS benchmark_7d, "
      + "0 AS benchmark_posts_7d, CAST(NULL AS DOUBLE) AS score_7d "
      + "FROM (SELECT i, CASE WHEN i % 2 = 0 THEN DATE '1950-03-01' ELSE DATE '2099-03-01' END AS d FROM range(60) t(i))";

  /** survey_estimates: one series asked in 16 waves, the nation and provinces 01..63 in each. */
  private static final String SURVEY = "SELECT 'trust_local_government' AS indicator, 'W' || w AS wave_id, "
      + "'Khảo sát ' || w AS wave_title, CAST(DATE '2010-05-01' + INTERVAL (w) YEAR AS DATE) AS fieldwork_start, "
      + "CAST(DATE '2010-05-31' + INTERVAL (w) YEAR AS DATE) AS fieldwork_end, 'Q1' AS question_id, 'likert5' AS question_type, "
      + "'reported' AS boundaries, CASE WHEN i = 0 THEN 'nation' ELSE 'province' END AS level, "
      + "CASE WHEN i = 0 THEN 'VN' ELSE lpad(CAST(i AS VARCHAR), 2, '0') END AS region_code, 'total' AS \"by\", "
      + "CAST(NULL AS VARCHAR) AS stratum, 'top2' AS option, 'proportion' AS statistic, 0.6 AS value, 0.02 AS se, "
      + "0.56 AS ci_low, 0.64 AS ci_high, CAST(600 AS BIGINT) AS n, 540.0 AS n_eff, 0.03 AS rse, false AS suppressed, "
      + "false AS unreliable, CAST(NULL AS VARCHAR) AS suppression, CAST(NULL AS VARCHAR) AS previous_wave_id, "
      + "CAST(NULL AS DOUBLE) AS change, CAST(NULL AS DOUBLE) AS change_se, CAST(NULL AS DOUBLE) AS change_z, "
      + "CAST(NULL AS DOUBLE) AS change_p FROM range(16) t(w), range(64) r(i)";

}
