package vn.danvan.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.audit.AuditEvent;

/** {@code GET /api/audit}: the trail newest first, filtered, for admins only. */
class AuditApiTest {
  @TempDir Path tmp;

  private TestLake lake() {
    TestLake lake = TestLake.in(tmp.resolve("lake"));
    AuditTrailFixture.write(Lake.at(lake.root()).auditDir());
    return lake;
  }

  private static List<String> times(JsonNode answer) {
    List<String> times = new ArrayList<>();
    answer.get("events").forEach(e -> times.add(e.get("time").asText()));
    return times;
  }

  @Test
  void answers_the_lines_newest_first_across_files_with_its_filters_and_limit() throws Exception {
    ApiHarness.serve(lake(), AccessControl.of(TestAccounts.standard(), Audits.none()), client -> {
      JsonNode all = ok(client.get("/api/audit"));
      assertThat(times(all)).containsExactly("2026-12-03T02:00:00.000Z", "2026-12-03T01:00:00.000Z",
          "2026-12-02T17:00:00.000Z", "2026-12-02T16:59:59.999Z", "2026-12-01T09:05:00.000Z",
          "2026-12-01T09:00:00.000Z");
      assertThat(all.get("skipped")).isEmpty();
      assertThat(all.at("/events/1").toString()).isEqualTo("{\"time\":\"2026-12-03T01:00:00.000Z\",\"login\":\"minh\","
          + "\"role\":\"analyst\",\"scope\":\"VN\",\"address\":\"127.0.0.1\",\"action\":\"download\","
          + "\"target\":\"xlsx: Bảng B (/trends.html)\",\"outcome\":\"ok\",\"rows\":12}");
      assertThat(times(ok(client.get("/api/audit?limit=2")))).containsExactly("2026-12-03T02:00:00.000Z",
          "2026-12-03T01:00:00.000Z");
      assertThat(times(ok(client.get("/api/audit?since=2026-12-03")))).containsExactly("2026-12-03T02:00:00.000Z",
          "2026-12-03T01:00:00.000Z", "2026-12-02T17:00:00.000Z");
      assertThat(times(ok(client.get("/api/audit?login=lan&action=download")))).containsExactly(
          "2026-12-03T02:00:00.000Z", "2026-12-01T09:05:00.000Z");
      assertThat(times(ok(client.get("/api/audit?action=login_failed")))).containsExactly("2026-12-02T16:59:59.999Z");
      assertError(client.get("/api/audit?since=yesterday"), 400, "since: a date");
      assertError(client.get("/api/audit?action=delete"), 400, "action: one of login");
      assertError(client.get("/api/audit?limit=5001"), 400, "limit: 1 to 5000");
      assertError(client.get("/api/audit?limit=0"), 400, "limit: 1 to 5000");
    });
  }

  @Test
  void refuses_a_caller_who_is_not_an_admin_and_records_the_refusal() throws Exception {
    List<AuditEvent> recorded = new ArrayList<>();
    TestAccounts accounts = TestAccounts.standard().add(new Account("lan", Role.ANALYST, RegionScope.country(),
        false, false), TestAccounts.PASSWORD, "lan-token-0123456789abcdef");
    ApiHarness.serve(lake(), AccessControl.of(accounts, recorded::add), client -> {
      assertError(client.as("lan-token-0123456789abcdef").get("/api/audit"), 403, "this needs the admin role");
      assertThat(ok(client.get("/api/audit")).get("events")).hasSize(6);
    });
    assertThat(recorded).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(Action.ACCESS_DENIED);
      assertThat(e.login()).isEqualTo("lan");
      assertThat(e.target()).isEqualTo("GET /api/audit");
      assertThat(e.outcome()).isEqualTo("denied");
    });
  }
}
