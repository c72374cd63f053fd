package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.access.Web.error;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.contract.audit.AuditEvent;

/** State changes signed in by the cookie need the session's token and this server's origin. */
class CsrfTest {
  private static final String TABLE = "{\"title\":\"t\",\"source\":\"s\",\"snapshot\":\"s1\",\"columns\":[\"a\"],\"rows\":[[1]]}";
  private static final String XLSX = "/api/export/xlsx";

  @TempDir Path tmp;
  final RecordingAudit audit = new RecordingAudit();

  private void serve(ApiHarness.Calls calls) throws Exception {
    Web.serve(tmp, TestAccounts.standard(), audit, new MovableClock(Web.START), calls);
  }

  @Test
  void a_cookie_post_needs_the_session_token_and_this_servers_origin() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String cookie = web.signIn(TestAccounts.ANALYST, TestAccounts.PASSWORD);
      String token = web.csrf(cookie);
      String session = AuthGate.COOKIE + "=" + cookie;

      assertThat(error(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", web.origin), 403))
          .isEqualTo("CSRF check failed: the X-CSRF-Token header is missing (GET /api/session gives it)");
      assertThat(error(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", web.origin,
          "X-CSRF-Token", token.substring(1) + "x"), 403))
          .isEqualTo("CSRF check failed: the X-CSRF-Token header is not this session's token");
      assertThat(error(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", "http://evil.example",
          "X-CSRF-Token", token), 403))
          .isEqualTo("CSRF check failed: Origin 'http://evil.example' is not this server's (" + web.origin + ")");
      // the same host on another port, or over another scheme, is another origin
      String otherPort = web.origin.replaceAll(":\\d+$", ":1");
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", otherPort, "X-CSRF-Token", token)
          .statusCode()).isEqualTo(403);
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", web.origin.replace("http:", "https:"),
          "X-CSRF-Token", token).statusCode()).isEqualTo(403);
      assertThat(error(web.send("POST", XLSX, TABLE, "Cookie", session, "X-CSRF-Token", token), 403))
          .isEqualTo("CSRF check failed: the request has no Origin header (nor Sec-Fetch-Site: same-origin)");
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", session, "Sec-Fetch-Site", "cross-site",
          "X-CSRF-Token", token).statusCode()).isEqualTo(403);

      // accepted: the token with this server's origin, or with same-origin fetch metadata
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", session, "Origin", web.origin, "X-CSRF-Token", token)
          .statusCode()).isEqualTo(200);
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", session, "Sec-Fetch-Site", "same-origin",
          "X-CSRF-Token", token).statusCode()).isEqualTo(200);

      assertThat(audit.events()).filteredOn(e -> e.action() == AuditEvent.Action.ACCESS_DENIED)
          .hasSize(7).allSatisfy(e -> {
            assertThat(e.login()).isEqualTo(TestAccounts.ANALYST);
            assertThat(e.target()).isEqualTo("POST " + XLSX);
          });
    });
  }

  @Test
  void the_token_of_one_session_does_not_pass_for_another() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String first = web.signIn(TestAccounts.ANALYST, TestAccounts.PASSWORD);
      String second = web.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
      assertThat(web.send("POST", XLSX, TABLE, "Cookie", AuthGate.COOKIE + "=" + second, "Origin", web.origin,
          "X-CSRF-Token", web.csrf(first)).statusCode()).isEqualTo(403);
    });
  }

  @Test
  void the_login_itself_needs_this_servers_origin() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String body = "{\"login\":\"admin\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
      HttpResponse<String> foreign = web.send("POST", "/api/login", body, "Origin", "http://evil.example");
      assertThat(error(foreign, 403)).startsWith("CSRF check failed: Origin 'http://evil.example'");
      assertThat(Web.sessionCookie(foreign)).isEmpty();
      assertThat(web.send("POST", "/api/login", body).statusCode()).isEqualTo(403);
      assertThat(web.send("POST", "/api/login", body, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    });
  }

  @Test
  void a_bearer_post_needs_no_token_but_still_a_json_body() throws Exception {
    serve(client -> {
      assertThat(client.send("POST", XLSX, "application/json", TABLE).statusCode()).isEqualTo(200);
      assertThat(error(client.send("POST", XLSX, "application/x-www-form-urlencoded", "a=1"), 415))
          .startsWith("Content-Type must be application/json");
    });
  }
}
