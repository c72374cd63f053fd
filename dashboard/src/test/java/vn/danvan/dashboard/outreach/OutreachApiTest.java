package vn.danvan.dashboard.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.fieldNames;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Calls;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The outreach API's JSON shapes, its 400 / 404 answers, and that it exposes nothing about the
 * public. The lake's {@code post_stats} (written by DuckDB in the etl's layout) holds, in province
 * 01 in 2024: P1 facebook 0 interactions (no 24 h score), P2 facebook 10 (score 2.0), P3 facebook 20
 * (0.5), P4 zalo 30 (1.5); in province 02: P5 facebook 5 (1.0); and P6 of province 01 in 2023.
 */
class OutreachApiTest {
  private static final String SNAPSHOT = "20260101T000000000Z-0000beef";
  /** Field names that would be about the people who reacted, commented or shared. */
  private static final Pattern PERSONAL = Pattern.compile(
      "(?i).*(commenter|reactor|liker|sharer|user|account|profile|author|follower|phone|email|address).*");

  @TempDir Path tmp;

  private void withApp(Calls calls) throws Exception {
    serve(TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 2, 7)
        .parquet(SNAPSHOT, "post_stats/part-0.parquet", "SELECT post_id, 'military' AS unit, 'LL47' AS team, "
            + "region_code, platform, 'Trang ' || region_code AS channel, "
            + "CAST(published_date AS TIMESTAMP) + INTERVAL 2 HOUR AS published_at, published_date, 'law' AS topic, "
            + "'image' AS format, year(published_date) AS year, region_code AS r_province, "
            + "CAST(NULL AS VARCHAR) AS r_district, CAST(NULL AS VARCHAR) AS r_commune, region_code AS n_province, "
            + "CAST(NULL AS VARCHAR) AS n_commune, true AS n_exact, 3 AS snapshots, 0 AS decreasing_snapshots, "
            + "CAST(s AS BIGINT) AS shares, CAST(c AS BIGINT) AS comments, CAST(r AS BIGINT) AS reactions, "
            + "CAST(NULL AS BIGINT) AS views, CAST(s + c + r AS BIGINT) AS interactions, "
            + "true AS covered_1h, s / 4 AS shares_1h, c / 4 AS comments_1h, r / 4 AS reactions_1h, "
            + "(s + c + r) / 4 AS interactions_1h, true AS covered_24h, s / 2 AS shares_24h, c / 2 AS comments_24h, "
            + "r / 2 AS reactions_24h, (s + c + r) / 2 AS interactions_24h, false AS covered_7d, "
            + "CAST(NULL AS DOUBLE) AS shares_7d, CAST(NULL AS DOUBLE) AS comments_7d, "
            + "CAST(NULL AS DOUBLE) AS reactions_7d, CAST(NULL AS DOUBLE) AS interactions_7d, "
            + "CAST(NULL AS DOUBLE) AS benchmark_1h, 0 AS benchmark_posts_1h, CAST(NULL AS DOUBLE) AS score_1h, "
            + "b AS benchmark_24h, 10 AS benchmark_posts_24h, (s + c + r) / 2 / b AS score_24h, "
            + "CAST(NULL AS DOUBLE) AS benchmark_7d, 0 AS benchmark_posts_7d, CAST(NULL AS DOUBLE) AS score_7d "
            + "FROM (VALUES ('P1', '01', 'facebook', DATE '2024-02-01', 0.0, 0.0, 0.0, CAST(NULL AS DOUBLE)), "
            + "('P2', '01', 'facebook', DATE '2024-03-01', 1.0, 1.0, 8.0, 2.5), "
            + "('P3', '01', 'facebook', DATE '2024-08-01', 2.0, 2.0, 16.0, 20.0), "
            + "('P4', '01', 'zalo', DATE '2024-09-01', 0.0, 3.0, 27.0, 10.0), "
            + "('P5', '02', 'facebook', DATE '2024-05-01', 0.0, 0.0, 5.0, 2.5), "
            + "('P6', '01', 'facebook', DATE '2023-05-01', 0.0, 0.0, 50.0, 25.0)) "
            + "t(post_id, region_code, platform, published_date, s, c, r, b)")
        .publish(SNAPSHOT), calls);
  }

  @Test
  void aggregates_break_a_region_down_by_platform_with_mean_median_and_zero_share() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/outreach/aggregates?by=platform&region=01&from=2024&to=2024"));
      assertThat(fieldNames(body)).containsExactly("by", "level", "grain", "region", "boundaries", "from", "to",
          "snapshot", "rows");
      assertThat(body.get("from").asText()).isEqualTo("2024-01-01");
      assertThat(body.get("snapshot").asText()).isEqualTo(SNAPSHOT);
      JsonNode facebook = body.get("rows").get(0);
      assertThat(fieldNames(facebook)).containsExactly("period", "key", "name", "posts", "measured",
          "interactions", "shares", "comments", "reactions", "views", "mean_interactions",
          "median_interactions", "zero_share");
      // facebook P1 0, P2 10, P3 20: 3 posts, 30 interactions, mean 10, median 10, zero share 1/3
      assertThat(facebook.get("key").asText()).isEqualTo("facebook");
      assertThat(facebook.get("posts").asLong()).isEqualTo(3);
      assertThat(facebook.get("interactions").asLong()).isEqualTo(30);
      assertThat(facebook.get("shares").asLong()).isEqualTo(0 + 1 + 2);
      assertThat(facebook.get("median_interactions").asDouble()).isEqualTo(10.0);
      assertThat(facebook.get("zero_share").asDouble()).isEqualTo(1.0 / 3);
      assertThat(body.get("rows").get(1).get("key").asText()).isEqualTo("zalo");
      assertThat(body.get("rows")).hasSize(2);
    });
  }

  @Test
  void aggregates_by_region_name_the_regions_per_half_year() throws Exception {
    withApp(client -> {
      JsonNode rows = ok(client.get("/api/outreach/aggregates?by=region&level=province&grain=half&from=2024"
          + "&boundaries=2025")).get("rows");
      // 2024-H1: 01 P1, P2 (2 posts, 10); 02 P5 (1, 5); 2024-H2: 01 P3, P4 (2, 50)
      assertThat(rows.toString()).contains("\"period\":\"2024-H1\",\"key\":\"01\",\"name\":\"Tỉnh 1\",\"posts\":2,"
          + "\"measured\":2,\"interactions\":10");
      assertThat(rows).hasSize(3);
      assertThat(rows.get(2).get("period").asText()).isEqualTo("2024-H2");
      assertThat(rows.get(2).get("interactions").asLong()).isEqualTo(50);
    });
  }

  @Test
  void growth_gives_the_mean_counts_at_each_age() throws Exception {
    withApp(client -> {
      JsonNode points = ok(client.get("/api/outreach/growth?region=01&period=2024")).get("points");
      assertThat(points).hasSize(4);
      assertThat(fieldNames(points.get(0))).containsExactly("key", "age", "hours", "posts", "mean_shares",
          "mean_comments", "mean_reactions", "mean_interactions", "median_interactions");
      // 24 h: halves of 0, 10, 20, 30 -> mean 7.5; 7 d not covered anywhere: 0 posts, no mean
      assertThat(points.get(1).get("mean_interactions").asDouble()).isEqualTo(7.5);
      assertThat(points.get(1).get("hours").asInt()).isEqualTo(24);
      assertThat(points.get(2).get("posts").asLong()).isZero();
      assertThat(points.get(2).get("mean_interactions").isNull()).isTrue();
      assertThat(points.get(3).get("age").asText()).isEqualTo("final");
      assertThat(points.get(3).get("mean_interactions").asDouble()).isEqualTo(15.0);
    });
  }

  @Test
  void posts_lists_the_top_and_bottom_scores_and_nothing_about_the_public() throws Exception {
    withApp(client -> {
      JsonNode top = ok(client.get("/api/outreach/posts?region=01&from=2024&to=2024&order=top&age=24h&limit=2"));
      assertThat(fieldNames(top)).containsExactly("order", "age", "region", "boundaries", "from", "to", "snapshot",
          "posts");
      JsonNode first = top.get("posts").get(0);
      assertThat(fieldNames(first)).containsExactly("rank", "post_id", "unit", "team", "region_code", "platform",
          "channel", "published_at", "topic", "format", "interactions", "benchmark", "benchmark_posts", "score",
          "total_shares", "total_comments", "total_reactions", "total_views");
      assertThat(fieldNames(first)).noneMatch(n -> PERSONAL.matcher(n).matches());
      // P2 5 / 2.5 = 2.0, P4 15 / 10 = 1.5; P3 10 / 20 = 0.5; P1 has no benchmark; P6 is of 2023
      assertThat(top.get("posts").findValuesAsText("post_id")).containsExactly("P2", "P4");
      assertThat(first.get("score").asDouble()).isEqualTo(2.0);
      assertThat(first.get("published_at").asText()).isEqualTo("2024-03-01T09:00+07:00");
      JsonNode bottom = ok(client.get("/api/outreach/posts?region=01&period=2024&order=bottom"));
      assertThat(bottom.get("posts").findValuesAsText("post_id")).containsExactly("P3", "P4", "P2");
    });
  }

  @Test
  void a_bad_parameter_is_400_naming_it_and_an_unknown_region_404() throws Exception {
    withApp(client -> {
      assertError(client.get("/api/outreach/aggregates?by=colour"), 400, "by:");
      assertError(client.get("/api/outreach/aggregates?grain=week"), 400, "grain:");
      assertError(client.get("/api/outreach/aggregates?by=region&level=district&boundaries=2025"), 400, "level:");
      assertError(client.get("/api/outreach/aggregates?from=2025&to=2024"), 400, "from:");
      assertError(client.get("/api/outreach/growth?period=2024-H3"), 400, "period:");
      assertError(client.get("/api/outreach/growth?by=region"), 400, "by:");
      assertError(client.get("/api/outreach/posts?age=2d"), 400, "age:");
      assertError(client.get("/api/outreach/posts?limit=0"), 400, "limit:");
      assertError(client.get("/api/outreach/posts?order=middle"), 400, "order:");
      assertError(client.get("/api/outreach/posts?region=1"), 400, "region:");
      assertError(client.get("/api/outreach/posts?region=99"), 404, "region:");
    });
  }
}
