package vn.danvan.dashboard.audit;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.danvan.dashboard.QueryParams;
import vn.danvan.dashboard.access.Caller;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.audit.AuditEvent.Action;
import vn.danvan.warehouse.query.InvalidParameterException;

/** {@code GET /api/audit}: the trail's newest lines, for admins only. */
public final class AuditController {
  /**
   * Whether a request without an authenticated caller may read the trail. PRE-MERGE DEFAULT: true
   * only until the login branch puts the caller on every request; the merge sets it to false, so
   * that no caller means 403.
   */
  static final boolean OPEN_WITHOUT_CALLER = true;

  static final int DEFAULT_LIMIT = 200;
  static final int MAX_LIMIT = 5000;

  private final AuditTrail trail;
  private final Audit audit;
  private final Function<Context, Optional<Caller>> callers;
  private final Clock clock;

  /**
   * @param trail the trail read
   * @param audit where a refused request is recorded
   * @param callers the authenticated caller of a request, empty when there is none
   */
  public AuditController(AuditTrail trail, Audit audit, Function<Context, Optional<Caller>> callers, Clock clock) {
    this.trail = Objects.requireNonNull(trail, "trail");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.callers = Objects.requireNonNull(callers, "callers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The trail's answer: its lines, newest first, and the lines that could not be read. */
  public record AuditAnswer(List<AuditLineJson> events, List<String> skipped) {}

  /** One line of the trail, as written in the file. */
  public record AuditLineJson(String time, String login, String role, String scope, String address,
      String action, String target, String outcome, Long rows) {
    static AuditLineJson of(AuditEvent e) {
      return new AuditLineJson(AuditLines.time(e.time()), e.login(), e.role(), e.scope(), e.address(),
          e.action().code(), e.target(), e.outcome(), e.rows());
    }
  }

  public void list(Context ctx) {
    Optional<Caller> caller = callers.apply(ctx);
    if (caller.isPresent() ? !caller.get().may(Role.ADMIN) : !OPEN_WITHOUT_CALLER) {
      audit.record(new AuditEvent(clock.instant(), caller.map(Caller::login).orElse(null),
          caller.map(c -> c.role().code()).orElse(null), caller.map(c -> c.scope().rootCode()).orElse(null),
          caller.map(Caller::address).orElse(ctx.ip()), Action.ACCESS_DENIED, ctx.path(), "denied", null));
      throw new ForbiddenResponse("the audit trail is for admins only");
    }
    // a bad part is an IllegalArgumentException naming it: a 400
    AuditFilter filter = AuditFilter.parse(ctx.queryParam("since"), ctx.queryParam("login"), ctx.queryParam("action"));
    AuditTrail.Read read = trail.newest(filter, limit(ctx));
    ctx.json(new AuditAnswer(read.events().stream().map(AuditLineJson::of).toList(), read.skipped()));
  }

  private static int limit(Context ctx) {
    String text = QueryParams.optional(ctx, "limit", String.valueOf(DEFAULT_LIMIT));
    if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "1 to " + MAX_LIMIT + ", not '" + text + "'");
    }
    return Integer.parseInt(text);
  }
}
