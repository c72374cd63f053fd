package vn.danvan.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.warehouse.query.RegionScope;

/**
 * A short bounded run of the load generator against the pages' fixture lake, signed in as the
 * bench signs in: national users and users of Hà Nội (01), each with its own account and token.
 * Both scopes measure without errors, and the province's reads name no other province.
 */
class LoadSmokeTest {
  private static final List<String> SCOPES = List.of("VN", "VN", "VN", "VN", "01", "01");

  @TempDir Path tmp;

  @Test
  void signed_in_users_of_two_scopes_replay_their_scopes_reads_without_errors() throws Exception {
    PageFixture.write(tmp.resolve("lake"));
    TestAccounts accounts = new TestAccounts();
    List<String> tokens = new ArrayList<>();
    for (int u = 0; u < SCOPES.size(); u++) {
      String token = "load-token-" + u + "-0123456789abcdef";
      accounts.add(new Account("bench-load-0" + (u + 1), Role.VIEWER, new RegionScope(SCOPES.get(u)), false, false),
          TestAccounts.PASSWORD, token);
      tokens.add(token);
    }
    try (DashboardServer server = DashboardServer.start(Lake.at(tmp.resolve("lake")), "127.0.0.1", 0,
        Duration.ofHours(1), List.of(), AccessControl.of(accounts, new RecordingAudit()))) {
      HttpReads http = new HttpReads(server.url(), tokens);
      assertThat(Mix.provinces(http, 4)).containsExactly("01");
      assertThat(Mix.provinces(http, 0)).hasSize(34);
      Map<String, List<Read>> mixes = new LinkedHashMap<>();
      mixes.put("VN", Mix.draw(Mix.discover(http, 0, "VN"), 16, 60));
      mixes.put("01", Mix.draw(Mix.discover(http, 4, "01"), 16, 40));
      assertThat(mixes.get("VN")).extracting(Read::kind).contains("series", "map", "survey", "outreach_aggregates");
      assertThat(mixes.get("01")).extracting(Read::kind).contains("series", "map", "survey", "outreach_aggregates");
      // the nation's mix names many provinces; the province's only itself, and the nation where allowed
      assertThat(mixes.get("VN").stream().flatMap(r -> regionsNamed(r).stream()).distinct().count()).isGreaterThan(10);
      assertThat(mixes.get("01").stream().filter(r -> regionsNamed(r).contains("01")).count()).isGreaterThan(10);
      for (Read read : mixes.get("01")) {
        assertThat(regionsNamed(read)).as(read.path()).isSubsetOf("01", "VN");
        if (regionsNamed(read).contains("VN")) {
          assertThat(read.kind()).as(read.path()).isIn("series", "survey");
        }
      }
      VirtualUsers users = new VirtualUsers(SCOPES, http);
      PhaseResult cold = users.once("cold", mixes, 20);
      PhaseResult warm = users.forSeconds("warm", mixes, 2);
      assertThat(cold.requests()).isEqualTo(100);
      assertThat(cold.byScope().get("VN")).isEqualTo(new PhaseResult.Tally(4, 60, 0));
      assertThat(cold.byScope().get("01")).isEqualTo(new PhaseResult.Tally(2, 40, 0));
      assertThat(cold.errors()).as(String.join("\n", cold.firstErrors())).isZero();
      assertThat(warm.errors()).as(String.join("\n", warm.firstErrors())).isZero();
      for (String scope : List.of("VN", "01")) {
        assertThat(warm.byScope().get(scope).requests()).as(scope).isPositive();
        assertThat(warm.byScope().get(scope).errors()).as(scope).isZero();
      }
      assertThat(warm.percentileMillis(95)).isPositive();
      assertThat(warm.line()).contains("6 users").contains(" 0 errors");
      assertThat(warm.scopeLine()).contains("01 2 users").contains("VN 4 users");
    }
  }

  @Test
  void a_request_is_signed_in_with_its_users_own_token() {
    HttpReads http = new HttpReads("http://127.0.0.1:1/", List.of("token-a", "token-b"));
    assertThat(http.request(1, "/api/indicators").headers().firstValue("Authorization")).hasValue("Bearer token-b");
    assertThat(http.request(0, "/api/indicators").uri()).hasToString("http://127.0.0.1:1/api/indicators");
  }

  /**
   * Every region code a read names: its {@code region} list, or the code of a region's profile
   * (maps, rankings and region lists name none: the server cuts them to the scope).
   */
  private static Set<String> regionsNamed(Read read) {
    URI uri = URI.create(read.path());
    Set<String> codes = new HashSet<>();
    if (uri.getPath().startsWith("/api/regions/")) {
      codes.add(uri.getPath().substring("/api/regions/".length()));
    }
    for (String param : uri.getQuery().split("&")) {
      if (param.startsWith("region=")) {
        codes.addAll(List.of(param.substring("region=".length()).split(",")));
      }
    }
    return codes;
  }
}
