package vn.danvan.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.limits.ClientShare;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.warehouse.query.WarehouseOptions;

/** A short bounded run of the load generator against the pages' fixture lake: it measures, without errors. */
class LoadSmokeTest {
  @TempDir Path tmp;

  @Test
  void users_replay_the_pages_reads_without_errors() throws Exception {
    PageFixture.write(tmp.resolve("lake"));
    try (DashboardServer server = DashboardServer.start(Lake.at(tmp.resolve("lake")), "127.0.0.1", 0,
        Duration.ofHours(1), List.of(), WarehouseOptions.defaults(), ClientShare.headerOrAddress(HttpReads.CLIENT_HEADER))) {
      HttpReads http = new HttpReads(server.url());
      Mix.Facts facts = Mix.discover(http);
      List<Read> mix = Mix.draw(facts, 16, 60);
      assertThat(mix).extracting(Read::kind).contains("series", "map", "survey", "outreach_aggregates");
      VirtualUsers users = new VirtualUsers(6, http);
      PhaseResult cold = users.once("cold", mix, 20);
      PhaseResult warm = users.forSeconds("warm", mix, 2);
      assertThat(cold.requests()).isEqualTo(60);
      assertThat(cold.errors()).as(String.join("\n", cold.firstErrors())).isZero();
      assertThat(warm.requests()).isPositive();
      assertThat(warm.errors()).as(String.join("\n", warm.firstErrors())).isZero();
      assertThat(warm.percentileMillis(95)).isPositive();
      assertThat(warm.line()).contains("6 users").contains(" 0 errors");
    }
  }
}
