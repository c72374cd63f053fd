package vn.danvan.dashboard.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * One client's share of a pool of 4 real warehouse connections: its 4 slow reads at once get 2
 * connections and two 429s, and another client's read meanwhile completes.
 */
class ClientShareTest {
  private static final String SNAPSHOT = "20260301T000000000Z-0000000c";

  @TempDir Path tmp;

  @Test
  void one_clients_slow_reads_leave_connections_to_another_client() throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 3, 7).publish(SNAPSHOT);
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    try (Warehouse warehouse = Warehouse.open(Lake.at(lake.root()), WarehouseOptions.defaults().withPoolSize(4))) {
      ClientShare share = new ClientShare(ClientShare.halfOf(4), Duration.ofMillis(200),
          ClientShare.headerOrAddress("X-Client"));
      Javalin app = Javalin.create(config -> {
        // a slow read: holds a pooled connection until released
        config.routes.get("/slow", share.guard(ctx -> {
          String done = warehouse.read(RegionScope.country(), s -> {
            entered.countDown();
            await(release);
            return "slow done";
          });
          ctx.result(done);
        }));
        config.routes.get("/fast", share.guard(ctx -> ctx.result("rows: "
            + warehouse.tableCounts(RegionScope.country()).size())));
        config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) ->
            ctx.status(e.getStatus()).result(e.getMessage()));
      });
      JavalinTest.test(app, (server, http) -> {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          slow.add(client.sendAsync(request(http.getOrigin() + "/slow", "A"), HttpResponse.BodyHandlers.ofString()));
        }
        CountDownLatch answered = new CountDownLatch(2);
        slow.forEach(f -> f.whenComplete((r, e) -> answered.countDown()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // the two past A's share wait briefly, then are refused, while A's first two still run
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.stream().filter(CompletableFuture::isDone).map(f -> f.join().statusCode()))
            .containsExactly(429, 429);
        // two of A's reads hold their connections; B's read still gets one of the other two
        HttpResponse<String> other = client.send(request(http.getOrigin() + "/fast", "B"),
            HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("rows: 2");
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> f : slow) {
          f.get(10, TimeUnit.SECONDS);
        }
        List<Integer> codes = slow.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(codes).containsExactly(200, 200, 429, 429);
        HttpResponse<String> tooMany = slow.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429)
            .findFirst().orElseThrow();
        assertThat(tooMany.headers().firstValue("Retry-After")).contains("1");
        assertThat(tooMany.body()).contains("at most 2 run at once per client");
        assertThat(share.clientsInFlight()).isZero();
      });
    }
  }

  private static HttpRequest request(String url, String client) {
    return HttpRequest.newBuilder(URI.create(url)).header("X-Client", client).build();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
