package vn.danvan.dashboard.export;

import io.javalin.http.Context;
import java.util.Objects;
import vn.danvan.dashboard.access.AccessAudit;

/**
 * The trail's line for a download: who took which table, from which page, how many rows. Every
 * export records one before it answers, so that no table leaves the server unrecorded.
 */
public final class DownloadAudit {
  private final AccessAudit audit;

  /** @param audit the server's audit trail, which names the signed-in caller and its address */
  public DownloadAudit(AccessAudit audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Records that {@code table} was handed out as {@code format}; returns once the line is written. */
  void record(Context ctx, String format, TableExport table) {
    audit.download(ctx, target(format, table), table.rows().size());
  }

  /** {@code csv: <title> (<page>)}, the page left out when the request did not say it. */
  static String target(String format, TableExport table) {
    return format + ": " + table.title() + (table.page() == null ? "" : " (" + table.page() + ")");
  }
}
