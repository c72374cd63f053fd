package vn.danvan.dashboard.audit;

import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import vn.danvan.dashboard.QueryParams;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.contract.audit.AuditLines;
import vn.danvan.contract.audit.AuditEvent;

/** {@code GET /api/audit}: the trail's newest lines, for admins only. */
public final class AuditController {
  static final int DEFAULT_LIMIT = 200;
  static final int MAX_LIMIT = 5000;

  private final AuditTrail trail;

  /** @param trail the trail read (the route requires an admin: the gate refuses and records anyone else) */
  public AuditController(AuditTrail trail) {
    this.trail = Objects.requireNonNull(trail, "trail");
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
