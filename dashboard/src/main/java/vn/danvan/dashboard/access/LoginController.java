package vn.danvan.dashboard.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.audit.AuditEvent.Action;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session} and
 * {@code POST /api/password}: signing in with a password (a new session each time, whatever id the
 * browser held before), signing out, who is signed in, and changing one's own password.
 */
public final class LoginController {
  /**
   * The one answer to a failed login, whether the login is unknown, the password wrong or the
   * account disabled: it must not tell which logins exist.
   */
  public static final String FAILED = "Tên đăng nhập hoặc mật khẩu không đúng";

  /** {@code POST /api/login}'s body. */
  public record LoginRequest(String login, char[] password) {}

  /** {@code POST /api/password}'s body. */
  public record PasswordRequest(char[] current, @JsonProperty("new") char[] replacement) {}

  private final Accounts accounts;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final AccessAudit audit;

  public LoginController(Accounts accounts, Sessions sessions, LoginThrottle throttle, AccessAudit audit) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** {@code POST /api/login}: 200 with who signed in and the session cookie; 401 {@link #FAILED}; 429 throttled. */
  public void login(Context ctx) {
    LoginRequest body = body(ctx, LoginRequest.class);
    String login = body.login() == null ? "" : body.login().strip();
    String address = ProxyHeaders.clientAddress(ctx);
    try {
      refuseWhileLocked(ctx, login, address);
      Optional<Account> account = login.isEmpty() || body.password() == null ? Optional.empty()
          : accounts.login(login, body.password()).filter(a -> !a.disabled());
      if (account.isEmpty()) {
        throttle.failed(login, address);
        audit.record(ctx, login, null, Action.LOGIN_FAILED, null, "failed");
        throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), FAILED);
      }
      throttle.succeeded(login);
      // session fixation: whatever id the browser held (perhaps planted) dies, a new one is made
      sessions.end(ctx.cookie(AuthGate.COOKIE));
      Sessions.Session session = sessions.open(account.get().login());
      setCookie(ctx, session.id(), -1);
      audit.record(ctx, callerOf(account.get(), address), Action.LOGIN, null, "ok");
      ctx.json(SessionJson.of(account.get(), null));
    } finally {
      wipe(body.password());
    }
  }

  /** {@code POST /api/logout}: ends the session and expires its cookie. */
  public void logout(Context ctx) {
    Caller caller = AuthGate.caller(ctx);
    AuthGate.session(ctx).ifPresent(s -> sessions.end(s.id()));
    setCookie(ctx, "", 0);
    audit.record(ctx, caller, Action.LOGOUT, null, "ok");
    ctx.json(new SessionJson.SignedOut(caller.login()));
  }

  /** {@code GET /api/session}: who is signed in, and the session's CSRF token. */
  public void session(Context ctx) {
    Account account = AuthGate.account(ctx);
    ctx.json(SessionJson.of(account, AuthGate.session(ctx).map(Sessions.Session::csrf).orElse(null)));
  }

  /**
   * {@code POST /api/password}: the current password, checked as a login is (and throttled the
   * same way), then the new one; every session of the account ends and this browser gets a new one.
   */
  public void password(Context ctx) {
    Caller caller = AuthGate.caller(ctx);
    PasswordRequest body = body(ctx, PasswordRequest.class);
    try {
      refuseWhileLocked(ctx, caller.login(), caller.address());
      if (body.current() == null || accounts.login(caller.login(), body.current()).isEmpty()) {
        throttle.failed(caller.login(), caller.address());
        audit.record(ctx, caller, Action.ACCOUNT_PASSWD, caller.login(), "failed");
        throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "the current password is not right");
      }
      if (body.replacement() == null) {
        throw new IllegalArgumentException("new: the new password is missing");
      }
      accounts.changePassword(caller.login(), body.replacement());
      throttle.succeeded(caller.login());
      boolean bySession = AuthGate.session(ctx).isPresent();
      sessions.endAll(caller.login());
      String csrf = null;
      if (bySession) {
        Sessions.Session fresh = sessions.open(caller.login());
        setCookie(ctx, fresh.id(), -1);
        csrf = fresh.csrf();
      }
      audit.record(ctx, caller, Action.ACCOUNT_PASSWD, caller.login(), "ok");
      Account account = accounts.find(caller.login())
          .orElseThrow(() -> new IllegalStateException("account " + caller.login() + " vanished"));
      ctx.json(SessionJson.of(account, csrf));
    } finally {
      wipe(body.current());
      wipe(body.replacement());
    }
  }

  private void refuseWhileLocked(Context ctx, String login, String address) {
    Optional<Duration> wait = throttle.wait(login, address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      audit.record(ctx, login, null, Action.LOGIN_FAILED, null, "throttled");
      ctx.header("Retry-After", Long.toString(seconds));
      throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
          "too many failed logins; try again in " + seconds + " s");
    }
  }

  private static <T> T body(Context ctx, Class<T> type) {
    if (!ctx.body().stripLeading().startsWith("{")) {
      throw new IllegalArgumentException("body: a JSON object is expected");
    }
    return ctx.bodyAsClass(type);
  }

  /** The session cookie: HttpOnly, SameSite=Strict, Secure over TLS; {@code maxAge} -1 ends with the browser. */
  private static void setCookie(Context ctx, String value, int maxAge) {
    ctx.cookie(new Cookie(AuthGate.COOKIE, value, "/", maxAge, ProxyHeaders.overTls(ctx), true, null,
        SameSite.STRICT));
  }

  private static Caller callerOf(Account account, String address) {
    return new Caller(account.login(), account.role(), account.scope(), address);
  }

  private static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
