package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.access.Web.error;
import static vn.danvan.dashboard.access.Web.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;

/** A one-time password holds the account to the password page until it is changed. */
class PasswordChangeTest {
  private static final String NEW = "mot-cum-tu-moi-de-nho";

  @TempDir Path tmp;
  final RecordingAudit audit = new RecordingAudit();

  private void serve(ApiHarness.Calls calls) throws Exception {
    Web.serve(tmp, TestAccounts.standard(), audit, new MovableClock(Web.START), calls);
  }

  @Test
  void an_account_that_must_change_its_password_may_do_nothing_else_until_it_has() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      HttpResponse<String> login = web.login(TestAccounts.NEWCOMER, TestAccounts.PASSWORD, null);
      assertThat(json(login).get("must_change").asBoolean()).isTrue();
      String cookie = Web.sessionCookie(login).orElseThrow();

      assertThat(error(web.get("/api/indicators", cookie), 403)).contains("password must be changed");
      assertThat(web.get("/trends.html?regions=VN", cookie).headers().firstValue("Location")).hasValue("/password.html");
      assertThat(web.get("/", cookie).statusCode()).isEqualTo(302);
      assertThat(web.get("/password.html", cookie).statusCode()).isEqualTo(200);
      assertThat(web.get("/js/password.js", cookie).statusCode()).isEqualTo(200);
      assertThat(json(web.get("/api/session", cookie)).get("must_change").asBoolean()).isTrue();

      String wrong = "{\"current\":\"not-it\",\"new\":\"" + NEW + "\"}";
      assertThat(error(web.post("/api/password", wrong, cookie), 403)).isEqualTo("the current password is not right");
      String tooShort = "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"new\":\"short\"}";
      assertThat(error(web.post("/api/password", tooShort, cookie), 400)).isEqualTo("a password needs at least 12 "
          + "characters, not 5");

      HttpResponse<String> changed = web.post("/api/password",
          "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"new\":\"" + NEW + "\"}", cookie);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(json(changed).get("must_change").asBoolean()).isFalse();
      String renewed = Web.sessionCookie(changed).orElseThrow();
      assertThat(renewed).isNotEqualTo(cookie);
      assertThat(json(changed).get("csrf").asText()).isEqualTo(web.csrf(renewed));
      assertThat(web.get("/api/indicators", cookie).statusCode()).isEqualTo(401);
      assertThat(web.get("/api/indicators", renewed).statusCode()).isEqualTo(200);
      assertThat(web.login(TestAccounts.NEWCOMER, NEW, null).statusCode()).isEqualTo(200);
      assertThat(web.login(TestAccounts.NEWCOMER, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(401);

      assertThat(audit.events()).extracting(AuditEvent::action, AuditEvent::outcome).containsSubsequence(
          org.assertj.core.groups.Tuple.tuple(Action.ACCESS_DENIED, "denied"),
          org.assertj.core.groups.Tuple.tuple(Action.ACCOUNT_PASSWD, "failed"),
          org.assertj.core.groups.Tuple.tuple(Action.ACCOUNT_PASSWD, "ok"));
    });
  }

  @Test
  void a_password_change_signs_the_account_out_everywhere_else() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      String office = web.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
      String home = web.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
      HttpResponse<String> changed = web.post("/api/password",
          "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"new\":\"" + NEW + "\"}", home);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(web.get("/api/session", office).statusCode()).isEqualTo(401);
      assertThat(web.get("/api/session", Web.sessionCookie(changed).orElseThrow()).statusCode()).isEqualTo(200);
    });
  }
}
