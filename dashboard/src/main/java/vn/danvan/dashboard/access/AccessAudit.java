package vn.danvan.dashboard.access;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;

/** How the login and the gate write the audit trail: one event per sign-in, sign-out or refusal. */
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
    audit.record(new AuditEvent(clock.instant(), login, caller == null ? null : caller.role().code(),
        caller == null ? null : caller.scope().rootCode(), ProxyHeaders.clientAddress(ctx), action, target, outcome,
        null));
  }
}
