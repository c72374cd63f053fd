package vn.danvan.dashboard.regions;

import static vn.danvan.dashboard.QueryParams.boundaries;
import static vn.danvan.dashboard.QueryParams.optional;
import static vn.danvan.dashboard.QueryParams.scope;
import static vn.danvan.dashboard.QueryParams.warehouse;

import io.javalin.http.Context;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.regions.RegionDirectory;

/** {@code /api/regions} and {@code /api/regions/{code}}: pickers, drill-down and breadcrumbs. */
public final class RegionController {
  /** The regions of the snapshot this request reads (current figures or a release's). */
  private static RegionDirectory regions(Context ctx) {
    return new RegionDirectory(warehouse(ctx));
  }

  /** {@code GET /api/regions[?boundaries&level&parent]}. */
  public void list(Context ctx) {
    String level = optional(ctx, "level", null);
    ctx.json(regions(ctx).list(scope(ctx), boundaries(ctx),
        level == null ? null : InvalidParameterException.choose("level", level, Level.values()), optional(ctx, "parent", null)));
  }

  /** {@code GET /api/regions/{code}[?boundaries]}. */
  public void profile(Context ctx) {
    ctx.json(regions(ctx).profile(scope(ctx), boundaries(ctx), ctx.pathParam("code")));
  }
}
