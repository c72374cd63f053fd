package vn.danvan.dashboard.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import vn.danvan.contract.audit.Audit;

/**
 * What the server authenticates against and how long a browser stays signed in: handed to
 * {@code DashboardApp.create} so that the real stores (the lake's accounts and audit trail) and the
 * tests' doubles plug in the same way.
 *
 * @param accounts who may sign in, and with what role and scope
 * @param audit where sign-ins, sign-outs and refusals are recorded
 * @param clock the time sessions and the login throttle read (a fixed or moved clock in tests)
 * @param sessionIdle a session ends after this long without a request
 * @param sessionLifetime a session ends this long after its login, however busy
 */
public record AccessControl(Accounts accounts, Audit audit, Clock clock, Duration sessionIdle,
    Duration sessionLifetime) {
  public AccessControl {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sessionIdle, "sessionIdle");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
  }

  /** The system clock and the default session timeouts (30 minutes idle, 12 hours at most). */
  public static AccessControl of(Accounts accounts, Audit audit) {
    return new AccessControl(accounts, audit, Clock.systemUTC(), Sessions.DEFAULT_IDLE, Sessions.DEFAULT_LIFETIME);
  }

  /** The same with another clock (tests move one instead of sleeping). */
  public AccessControl withClock(Clock other) {
    return new AccessControl(accounts, audit, other, sessionIdle, sessionLifetime);
  }

  /** The same with another idle timeout ({@code serve --session-idle}). */
  public AccessControl withSessionIdle(Duration idle) {
    return new AccessControl(accounts, audit, clock, idle, sessionLifetime);
  }
}
