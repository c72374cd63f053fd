package vn.danvan.dashboard.regions;

import io.javalin.http.Context;
import java.util.Objects;
import vn.danvan.warehouse.indicators.Boundaries;
import vn.danvan.warehouse.indicators.Level;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.regions.RegionDirectory;

/** {@code /api/regions} and {@code /api/regions/{code}}: pickers, drill-down and breadcrumbs. */
public final class RegionController {
  private final RegionDirectory regions;

  public RegionController(RegionDirectory regions) {
    this.regions = Objects.requireNonNull(regions, "regions");
  }

  /** {@code GET /api/regions[?boundaries&level&parent]}. */
  public void list(Context ctx) {
    String level = ctx.queryParam("level");
    String parent = ctx.queryParam("parent");
    ctx.json(regions.list(RegionScope.country(), boundaries(ctx),
        level == null || level.isBlank() ? null
            : Level.parse("level", level.strip(), Level.values()),
        parent == null || parent.isBlank() ? null : parent.strip()));
  }

  /** {@code GET /api/regions/{code}[?boundaries]}. */
  public void profile(Context ctx) {
    ctx.json(regions.profile(RegionScope.country(), boundaries(ctx), ctx.pathParam("code")));
  }

  private static Boundaries boundaries(Context ctx) {
    String text = ctx.queryParam("boundaries");
    return Boundaries.parse("boundaries", text == null || text.isBlank() ? Boundaries.REPORTED.code() : text.strip());
  }
}
