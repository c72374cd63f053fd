package vn.danvan.dashboard.regions;

import static vn.danvan.dashboard.QueryParams.boundaries;
import static vn.danvan.dashboard.QueryParams.optional;
import static vn.danvan.dashboard.QueryParams.scope;

import io.javalin.http.Context;
import java.util.Objects;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.regions.RegionDirectory;

/** {@code /api/regions} and {@code /api/regions/{code}}: pickers, drill-down and breadcrumbs. */
public final class RegionController {
  private final RegionDirectory regions;

  public RegionController(RegionDirectory regions) {
    this.regions = Objects.requireNonNull(regions, "regions");
  }

  /** {@code GET /api/regions[?boundaries&level&parent]}. */
  public void list(Context ctx) {
    String level = optional(ctx, "level", null);
    ctx.json(regions.list(scope(ctx), boundaries(ctx),
        level == null ? null : InvalidParameterException.choose("level", level, Level.values()), optional(ctx, "parent", null)));
  }

  /** {@code GET /api/regions/{code}[?boundaries]}. */
  public void profile(Context ctx) {
    ctx.json(regions.profile(scope(ctx), boundaries(ctx), ctx.pathParam("code")));
  }
}
