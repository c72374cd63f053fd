package vn.danvan.dashboard.access;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;

/**
 * How the server writes the audit trail: one event per sign-in, sign-out, refusal or download,
 * with the caller's role and scope and this request's client address.
 */
public final class AccessAudit {
  private final Audit audit;
  private final Clock clock;

  public AccessAudit(Audit audit, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records {@code action} by {@code caller} (null when not signed in) from this request's client. */
  void record(Context ctx, Caller caller, Action action, String target, String outcome) {
    record(ctx, caller == null ? null : caller.login(), caller, action, target, outcome);
  }

  /** As {@link #record(Context, Caller, Action, String, String)}, naming the login (e.g. the one typed). */
  void record(Context ctx, String login, Caller caller, Action action, String target, String outcome) {
    record(ctx, login, caller, action, target, outcome, null);
  }

  /**
   * Records that the signed-in caller of this request was handed {@code rows} rows as
   * {@code target}; returns once the line is written.
   */
  public void download(Context ctx, String target, long rows) {
    Caller caller = AuthGate.caller(ctx);
    record(ctx, caller.login(), caller, Action.DOWNLOAD, target, "ok", rows);
  }

  /**
   * Records {@code action} by the signed-in caller of this request (an upload, a dry run, a
   * submission, a review pack...) with its outcome and the rows concerned (null when none apply).
   */
  public void action(Context ctx, Action action, String target, String outcome, Long rows) {
    Caller caller = AuthGate.caller(ctx);
    record(ctx, caller.login(), caller, action, target, outcome, rows);
  }

  private void record(Context ctx, String login, Caller caller, Action action, String target, String outcome,
      Long rows) {
    audit.record(new AuditEvent(clock.instant(), login, caller == null ? null : caller.role().code(),
        caller == null ? null : caller.scope().rootCode(), ProxyHeaders.clientAddress(ctx), action, target, outcome,
        rows));
  }
}
