package vn.danvan.dashboard.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.serve;

import java.nio.file.Path;
import java.util.List;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Client;
import vn.danvan.warehouse.testlake.TestLake;

/** The answer cache: a repeated read does not reach DuckDB, keeps its headers, and a new snapshot drops it. */
class AnswerCacheTest {
  private static final String FIRST = "20260301T000000000Z-0000000a";
  private static final String SECOND = "20260302T000000000Z-0000000b";
  private static final String MAP = "/api/map?indicator=activity_sessions&year=2024&boundaries=reported";
  private static final List<String> HEADERS = List.of("Content-Type", "Content-Security-Policy", "Cache-Control",
      "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options");

  @TempDir Path tmp;

  @Test
  void a_second_identical_read_is_answered_without_duckdb_with_the_same_headers() throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(FIRST, 3, 7).publish(FIRST);
    serve(lake, client -> {
      Answer first = get(client, MAP);
      long statements = client.warehouse().statementsRun();
      Answer second = get(client, MAP);
      assertThat(client.warehouse().statementsRun()).isEqualTo(statements);
      assertThat(second).isEqualTo(first);
      assertThat(first.body()).contains("\"snapshot\":\"" + FIRST + "\"").contains("\"value\":701.0");
      // the same parameters in another order are the same question
      get(client, "/api/map?boundaries=reported&year=2024&indicator=activity_sessions");
      assertThat(client.warehouse().statementsRun()).isEqualTo(statements);
      // another question is not
      get(client, "/api/map?indicator=activity_sessions&year=2023&boundaries=reported");
      assertThat(client.warehouse().statementsRun()).isGreaterThan(statements);
    });
  }

  @Test
  void a_new_snapshot_drops_the_answers_of_the_old_one() throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(FIRST, 3, 7).publish(FIRST);
    serve(lake, client -> {
      get(client, MAP);
      lake.marts(SECOND, 3, 8).publish(SECOND);
      assertThat(client.warehouse().refresh()).isTrue();
      long statements = client.warehouse().statementsRun();
      Answer after = get(client, MAP);
      assertThat(client.warehouse().statementsRun()).isGreaterThan(statements);
      assertThat(after.body()).contains("\"snapshot\":\"" + SECOND + "\"").contains("\"value\":801.0");
    });
  }

  private record Answer(int status, String body, List<String> headers) {}

  private static Answer get(Client client, String path) throws Exception {
    Response r = client.get(path);
    return new Answer(r.code(), r.body().string(), HEADERS.stream().map(h -> h + ": " + r.headers().get(h)).toList());
  }
}
