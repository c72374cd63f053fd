package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.access.Web.error;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.warehouse.query.RegionScope;

/** The gate: what needs credentials, which credentials count, and who may call what. */
class GateTest {
  private static final String TABLE = "{\"title\":\"t\",\"source\":\"s\",\"snapshot\":\"s1\",\"columns\":[\"a\"],\"rows\":[[1]]}";

  @TempDir Path tmp;
  final RecordingAudit audit = new RecordingAudit();
  final TestAccounts accounts = TestAccounts.standard();

  private void serve(ApiHarness.Calls calls) throws Exception {
    Web.serve(tmp, accounts, audit, new MovableClock(Web.START), calls);
  }

  @Test
  void without_credentials_the_api_and_health_are_a_json_401_asking_for_a_bearer_token() throws Exception {
    serve(client -> {
      ApiHarness.Client nobody = client.anonymous();
      for (String path : new String[] {"/health", "/api/indicators", "/api/series?indicator=x&region=VN",
          "/api/regions/01", "/api/session", "/js/core.js", "/vendor/echarts.min.js", "/api/nothing-here"}) {
        HttpResponse<String> r = nobody.send("GET", path, null, null);
        assertThat(error(r, 401)).as(path).startsWith("sign in first (POST /api/login)");
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer");
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
      }
      assertThat(error(nobody.send("POST", "/api/export/xlsx", "application/json", TABLE), 401))
          .startsWith("sign in first");
      // nothing was presented, so nothing is an attempt worth recording
      assertThat(audit.events()).isEmpty();
    });
  }

  @Test
  void a_page_without_credentials_is_sent_to_the_login_page_with_its_own_address_as_next() throws Exception {
    serve(client -> {
      ApiHarness.Client nobody = client.anonymous();
      HttpResponse<String> trends = nobody.send("GET", "/trends.html?regions=VN,01&boundaries=2025", null, null);
      assertThat(trends.statusCode()).isEqualTo(302);
      assertThat(trends.headers().firstValue("Location"))
          .hasValue("/login.html?next=%2Ftrends.html%3Fregions%3DVN%2C01%26boundaries%3D2025");
      assertThat(nobody.send("GET", "/", null, null).headers().firstValue("Location")).hasValue("/login.html?next=%2F");
      assertThat(nobody.send("HEAD", "/map.html", null, null).statusCode()).isEqualTo(302);
      assertThat(trends.body()).doesNotContain("<main");
    });
  }

  @Test
  void the_login_page_and_what_it_needs_are_served_to_anyone() throws Exception {
    serve(client -> {
      ApiHarness.Client nobody = client.anonymous();
      for (String path : new String[] {"/login.html", "/js/login.js", "/js/i18n.js", "/style.css", "/openapi.json"}) {
        assertThat(nobody.send("GET", path, null, null).statusCode()).as(path).isEqualTo(200);
      }
      assertThat(nobody.send("GET", "/login.html", null, null).body()).contains("<title>Đăng nhập");
      // the password page is for a signed-in account only
      assertThat(nobody.send("GET", "/password.html", null, null).headers().firstValue("Location"))
          .hasValue("/login.html?next=%2Fpassword.html");
    });
  }

  @Test
  void a_bearer_token_signs_a_request_in_and_a_bad_one_is_a_401_recorded_as_denied() throws Exception {
    serve(client -> {
      assertThat(client.as(TestAccounts.VIEWER_TOKEN).send("GET", "/api/indicators", null, null).statusCode())
          .isEqualTo(200);
      HttpResponse<String> session = client.as(TestAccounts.VIEWER_TOKEN).send("GET", "/api/session", null, null);
      assertThat(session.body()).isEqualTo(
          "{\"login\":\"viewer\",\"role\":\"viewer\",\"scope\":\"VN\",\"must_change\":false}");
      // a bearer page is served too (scripts may fetch pages)
      assertThat(client.send("GET", "/trends.html", null, null).statusCode()).isEqualTo(200);

      HttpResponse<String> wrong = client.as("not-a-token").send("GET", "/api/indicators", null, null);
      assertThat(error(wrong, 401)).isEqualTo("the bearer token is unknown, revoked or of a disabled account");
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(error(client.as(TestAccounts.DISABLED_TOKEN).send("GET", "/health", null, null), 401))
          .startsWith("the bearer token is unknown");
      HttpResponse<String> basic = new Web(client).send("GET", "/api/indicators", null, "Authorization", "Basic YTpi");
      assertThat(error(basic, 401)).isEqualTo("Authorization must be 'Bearer <token>'");

      assertThat(audit.events()).extracting(AuditEvent::action, AuditEvent::target, AuditEvent::outcome,
          AuditEvent::address).containsExactly(
          org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.ACCESS_DENIED, "GET /api/indicators", "denied", "127.0.0.1"),
          org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.ACCESS_DENIED, "GET /health", "denied", "127.0.0.1"),
          org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.ACCESS_DENIED, "GET /api/indicators", "denied", "127.0.0.1"));
    });
  }

  @Test
  void a_viewer_may_not_download_and_is_told_the_role_needed() throws Exception {
    serve(client -> {
      HttpResponse<String> viewer = client.as(TestAccounts.VIEWER_TOKEN).send("POST", "/api/export/xlsx",
          "application/json", TABLE);
      assertThat(error(viewer, 403)).isEqualTo("this needs the analyst role or more; viewer is viewer");
      AuditEvent denied = audit.events().get(0);
      assertThat(denied.action()).isEqualTo(AuditEvent.Action.ACCESS_DENIED);
      assertThat(denied.login()).isEqualTo("viewer");
      assertThat(denied.role()).isEqualTo("viewer");
      assertThat(denied.scope()).isEqualTo("VN");
      assertThat(denied.target()).isEqualTo("POST /api/export/xlsx");
      assertThat(audit.events()).hasSize(1);

      // an analyst signed in by the session cookie may
      Web web = new Web(client);
      String cookie = web.signIn(TestAccounts.ANALYST, TestAccounts.PASSWORD);
      HttpResponse<String> analyst = web.post("/api/export/xlsx", TABLE, cookie);
      assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
      assertThat(analyst.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/vnd.openxml"));
    });
  }

  @Test
  void disabling_an_account_or_changing_its_role_takes_effect_on_its_open_session() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String cookie = web.signIn(TestAccounts.ANALYST, TestAccounts.PASSWORD);
      accounts.add(new Account(TestAccounts.ANALYST, Role.VIEWER, new RegionScope("01"), false, false),
          TestAccounts.PASSWORD, null);
      assertThat(error(web.post("/api/export/xlsx", TABLE, cookie), 403)).startsWith("this needs the analyst role");
      accounts.add(new Account(TestAccounts.ANALYST, Role.VIEWER, new RegionScope("01"), false, true),
          TestAccounts.PASSWORD, null);
      assertThat(error(web.get("/api/indicators", cookie), 401)).isEqualTo(
          "the account of this session is disabled; sign in again");
      // the session is gone for good, even if the account is enabled again
      accounts.add(new Account(TestAccounts.ANALYST, Role.VIEWER, new RegionScope("01"), false, false),
          TestAccounts.PASSWORD, null);
      assertThat(error(web.get("/api/indicators", cookie), 401)).startsWith("the session has ended");
    });
  }
}
