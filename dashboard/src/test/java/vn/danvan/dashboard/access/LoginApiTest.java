package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.danvan.dashboard.access.Web.error;
import static vn.danvan.dashboard.access.Web.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;

/** Signing in and out with a password, and how long a session lasts. */
class LoginApiTest {
  @TempDir Path tmp;
  final MovableClock clock = new MovableClock(Web.START);
  final RecordingAudit audit = new RecordingAudit();

  private void serve(ApiHarness.Calls calls) throws Exception {
    Web.serve(tmp, TestAccounts.standard(), audit, clock, calls);
  }

  @Test
  void a_wrong_password_an_unknown_login_and_a_disabled_account_get_the_same_401() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      HttpResponse<String> wrong = web.login(TestAccounts.ADMIN, "not-the-password", null);
      HttpResponse<String> unknown = web.login("nobody", TestAccounts.PASSWORD, null);
      HttpResponse<String> disabled = web.login(TestAccounts.DISABLED, TestAccounts.PASSWORD, null);
      for (HttpResponse<String> r : java.util.List.of(wrong, unknown, disabled)) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"Tên đăng nhập hoặc mật khẩu không đúng\"}");
        assertThat(Web.sessionCookie(r)).isEmpty();
        assertThat(r.headers().map().keySet()).isEqualTo(wrong.headers().map().keySet());
      }
      assertThat(audit.events()).extracting(AuditEvent::action, AuditEvent::login, AuditEvent::outcome,
          AuditEvent::role, AuditEvent::address).containsExactly(
          tuple(Action.LOGIN_FAILED, "admin", "failed", null, "127.0.0.1"),
          tuple(Action.LOGIN_FAILED, "nobody", "failed", null, "127.0.0.1"),
          tuple(Action.LOGIN_FAILED, "disabled", "failed", null, "127.0.0.1"));
      assertThat(audit.events().get(0).time()).isEqualTo(clock.instant());
    });
  }

  @Test
  void a_login_answers_who_signed_in_and_sets_a_strict_http_only_cookie() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      HttpResponse<String> r = web.login(TestAccounts.ANALYST, TestAccounts.PASSWORD, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"login\":\"analyst.hn\",\"role\":\"analyst\",\"scope\":\"01\",\"must_change\":false}");
      Map<String, String> cookie = Web.setCookie(r).orElseThrow();
      assertThat(cookie.get(AuthGate.COOKIE)).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url
      assertThat(cookie).containsEntry("path", "/").containsEntry("samesite", "Strict").containsKey("httponly")
          .doesNotContainKey("secure").doesNotContainKey("max-age");
      assertThat(audit.events()).extracting(AuditEvent::action, AuditEvent::login, AuditEvent::role, AuditEvent::scope,
          AuditEvent::outcome).containsExactly(tuple(Action.LOGIN, "analyst.hn", "analyst", "01", "ok"));

      HttpResponse<String> session = web.get("/api/session", cookie.get(AuthGate.COOKIE));
      assertThat(json(session).get("login").asText()).isEqualTo("analyst.hn");
      assertThat(json(session).get("csrf").asText()).matches("[A-Za-z0-9_-]{43}")
          .isNotEqualTo(cookie.get(AuthGate.COOKIE));
      assertThat(web.get("/api/indicators", cookie.get(AuthGate.COOKIE)).statusCode()).isEqualTo(200);
      assertThat(web.get("/trends.html", cookie.get(AuthGate.COOKIE)).statusCode()).isEqualTo(200);
    });
  }

  @Test
  void the_cookie_is_secure_when_a_loopback_proxy_says_the_browser_used_tls() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      HttpResponse<String> r = web.send("POST", "/api/login",
          "{\"login\":\"admin\",\"password\":\"" + TestAccounts.PASSWORD + "\"}",
          "Origin", web.origin.replace("http:", "https:"), "X-Forwarded-Proto", "https",
          "X-Forwarded-For", "203.0.113.9");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Web.setCookie(r).orElseThrow()).containsKey("secure");
      assertThat(audit.events().get(0).address()).isEqualTo("203.0.113.9");
    });
  }

  @Test
  void a_login_makes_a_new_session_and_the_id_sent_before_stops_working() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String before = web.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
      HttpResponse<String> again = web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, before);
      String after = Web.sessionCookie(again).orElseThrow();
      assertThat(after).isNotEqualTo(before);
      assertThat(web.get("/api/indicators", after).statusCode()).isEqualTo(200);
      HttpResponse<String> old = web.get("/api/indicators", before);
      assertThat(error(old, 401)).startsWith("the session has ended");
      // a planted id the server never issued does not survive a login either
      HttpResponse<String> planted = web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, "planted-by-someone");
      assertThat(Web.sessionCookie(planted)).hasValueSatisfying(id -> assertThat(id).isNotEqualTo("planted-by-someone"));
      assertThat(audit.events()).extracting(AuditEvent::action).containsExactly(Action.LOGIN, Action.LOGIN,
          Action.ACCESS_DENIED, Action.LOGIN);
    });
  }

  @Test
  void a_session_ends_after_its_idle_time_and_after_its_lifetime_however_busy() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String idle = web.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
      clock.advance(Duration.ofMinutes(29));
      assertThat(web.get("/api/session", idle).statusCode()).isEqualTo(200); // and the idle timer restarts
      clock.advance(Duration.ofMinutes(29));
      assertThat(web.get("/api/session", idle).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(30));
      assertThat(error(web.get("/api/session", idle), 401)).startsWith("the session has ended");
      assertThat(web.get("/", idle).headers().firstValue("Location")).hasValue("/login.html?next=%2F");

      String busy = web.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
      for (int i = 0; i < 12 * 3 - 1; i++) { // a request every 20 minutes for 11 h 40 min
        clock.advance(Duration.ofMinutes(20));
        assertThat(web.get("/api/session", busy).statusCode()).as("after %d min", (i + 1) * 20).isEqualTo(200);
      }
      clock.advance(Duration.ofMinutes(20)); // 12 h after the login
      assertThat(web.get("/api/session", busy).statusCode()).isEqualTo(401);
    });
  }

  @Test
  void logout_ends_the_session_and_expires_the_cookie() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String cookie = web.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
      HttpResponse<String> out = web.post("/api/logout", "{}", cookie);
      assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
      assertThat(out.body()).isEqualTo("{\"login\":\"viewer\"}");
      assertThat(Web.setCookie(out).orElseThrow()).containsEntry(AuthGate.COOKIE, "")
          .containsEntry("expires", "Thu, 01 Jan 1970 00:00:00 GMT"); // Jetty's way of Max-Age=0
      assertThat(web.get("/api/indicators", cookie).statusCode()).isEqualTo(401);
      assertThat(audit.events()).extracting(AuditEvent::action, AuditEvent::login, AuditEvent::outcome)
          .containsExactly(tuple(Action.LOGIN, "viewer", "ok"), tuple(Action.LOGOUT, "viewer", "ok"),
              tuple(Action.ACCESS_DENIED, null, "denied"));
    });
  }
}
