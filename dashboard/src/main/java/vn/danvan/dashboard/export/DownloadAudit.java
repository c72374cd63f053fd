package vn.danvan.dashboard.export;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.danvan.dashboard.access.Caller;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;

/**
 * The trail's line for a download: who took which table, from which page, how many rows. Every
 * export records one before it answers, so that no table leaves the server unrecorded.
 */
public final class DownloadAudit {
  private final Audit audit;
  private final Function<Context, Optional<Caller>> callers;
  private final Clock clock;

  /**
   * @param audit where the lines go
   * @param callers the authenticated caller of a request, empty when there is none
   * @param clock the time of each line
   */
  public DownloadAudit(Audit audit, Function<Context, Optional<Caller>> callers, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.callers = Objects.requireNonNull(callers, "callers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records that {@code table} was handed out as {@code format}; returns once the line is written. */
  void record(Context ctx, String format, TableExport table) {
    Optional<Caller> caller = callers.apply(ctx);
    audit.record(new AuditEvent(clock.instant(), caller.map(Caller::login).orElse(null),
        caller.map(c -> c.role().code()).orElse(null), caller.map(c -> c.scope().rootCode()).orElse(null),
        caller.map(Caller::address).orElse(ctx.ip()), Action.DOWNLOAD, target(format, table), "ok",
        (long) table.rows().size()));
  }

  /** {@code csv: <title> (<page>)}, the page left out when the request did not say it. */
  static String target(String format, TableExport table) {
    return format + ": " + table.title() + (table.page() == null ? "" : " (" + table.page() + ")");
  }
}
