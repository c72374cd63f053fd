package vn.danvan.dashboard.health;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.danvan.warehouse.query.NoSnapshotException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotStatus;
import vn.danvan.dashboard.ApiErrors;
import vn.danvan.dashboard.QueryParams;

/** Tells operators and the page whether data is being served, and from which snapshot. */
public final class HealthController {
  /**
   * {@code GET /health}: 200 with the snapshot the request reads (a release's with {@code
   * release=NAME}), or 503 {@code no_data} (code {@code no_snapshot}) before the first load.
   */
  public void get(Context ctx) {
    SnapshotStatus status;
    try {
      status = QueryParams.warehouse(ctx).status(RegionScope.country());
    } catch (NoSnapshotException e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new HealthJson("no_data", null, Map.of(), null,
          ApiErrors.NO_SNAPSHOT));
      return;
    }
    Map<String, Long> tables = new LinkedHashMap<>();
    status.tableCounts().forEach((table, rows) -> tables.put(table.folder(), rows));
    String loadedAt = status.snapshot().createdAt().map(Instant::toString).orElse(null);
    ctx.json(new HealthJson("ok", status.snapshot().id(), tables, loadedAt, null));
  }
}
