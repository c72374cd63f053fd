package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.access.Web.error;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.contract.audit.AuditEvent;

/** Repeated failed logins lock the login (or the address) out for a while, password unchecked. */
class ThrottleApiTest {
  @TempDir Path tmp;
  final MovableClock clock = new MovableClock(Web.START);
  final RecordingAudit audit = new RecordingAudit();

  private void serve(ApiHarness.Calls calls) throws Exception {
    Web.serve(tmp, TestAccounts.standard(), audit, clock, calls);
  }

  @Test
  void five_failures_lock_the_login_out_even_for_the_right_password_until_the_lockout_ends() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      for (int i = 0; i < 5; i++) {
        assertThat(web.login(TestAccounts.ADMIN, "wrong-" + i, null).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(10));
      }
      HttpResponse<String> locked = web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, null);
      assertThat(error(locked, 429)).isEqualTo("too many failed logins; try again in 50 s");
      assertThat(locked.headers().firstValue("Retry-After")).hasValue("50");
      assertThat(Web.sessionCookie(locked)).isEmpty();
      // another login from the same address is not locked (the address allows more failures)
      assertThat(web.login(TestAccounts.VIEWER, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);

      clock.advance(Duration.ofSeconds(50));
      assertThat(web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);
      // the success cleared the count: five new failures are needed for a new lockout
      for (int i = 0; i < 4; i++) {
        assertThat(web.login(TestAccounts.ADMIN, "wrong", null).statusCode()).isEqualTo(401);
      }
      assertThat(web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);
      assertThat(audit.events()).filteredOn(e -> "throttled".equals(e.outcome()))
          .extracting(AuditEvent::action, AuditEvent::login)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.LOGIN_FAILED, "admin"));
    });
  }

  @Test
  void the_lockout_doubles_with_each_further_failure_and_an_unknown_login_is_locked_the_same() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      for (String login : new String[] {TestAccounts.ADMIN, "nobody"}) {
        for (int i = 0; i < 5; i++) {
          web.login(login, "wrong", null);
        }
        assertThat(web.login(login, "wrong", null).headers().firstValue("Retry-After")).as(login).hasValue("60");
      }
      clock.advance(Duration.ofSeconds(60));
      for (long expected : new long[] {120, 240, 480, 900, 900, 900}) {
        assertThat(web.login(TestAccounts.ADMIN, "wrong", null).statusCode()).isEqualTo(401);
        HttpResponse<String> r = web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, null);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue(Long.toString(expected));
        clock.advance(Duration.ofSeconds(expected));
      }
      // a quiet quarter of an hour after the lockout forgets the count
      clock.advance(Duration.ofMinutes(15));
      assertThat(web.login(TestAccounts.ADMIN, "wrong", null).statusCode()).isEqualTo(401);
      assertThat(web.login(TestAccounts.ADMIN, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);
    });
  }

  @Test
  void twenty_failures_from_one_address_lock_out_every_login_from_it() throws Exception {
    serve(client -> {
      Web web = new Web(client);
      for (int i = 0; i < 20; i++) {
        assertThat(web.login("guess" + i, "wrong", null).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> r = web.login(TestAccounts.VIEWER, TestAccounts.PASSWORD, null);
      assertThat(error(r, 429)).startsWith("too many failed logins");
      assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
      // another client behind the same loopback proxy is another address
      assertThat(web.send("POST", "/api/login", "{\"login\":\"viewer\",\"password\":\"" + TestAccounts.PASSWORD + "\"}",
          "Origin", web.origin, "X-Forwarded-For", "198.51.100.7").statusCode()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(1));
      assertThat(web.login(TestAccounts.VIEWER, TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);
    });
  }
}
