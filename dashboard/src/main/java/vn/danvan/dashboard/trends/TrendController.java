package vn.danvan.dashboard.trends;

import static vn.danvan.dashboard.QueryParams.boundaries;
import static vn.danvan.dashboard.QueryParams.flag;
import static vn.danvan.dashboard.QueryParams.grain;
import static vn.danvan.dashboard.QueryParams.optional;
import static vn.danvan.dashboard.QueryParams.optionalYear;
import static vn.danvan.dashboard.QueryParams.region;
import static vn.danvan.dashboard.QueryParams.required;
import static vn.danvan.dashboard.QueryParams.requiredYear;
import static vn.danvan.dashboard.QueryParams.scope;
import static vn.danvan.dashboard.QueryParams.warehouse;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * {@code /api/series}, {@code /api/map}, {@code /api/ranking}, {@code /api/attainment} and
 * {@code /api/consistency}: request parameters checked and named in every 400, answered from the
 * marts of the snapshot the request reads (current figures or a release's).
 */
public final class TrendController {
  private final IndicatorCatalogue catalogue;

  public TrendController(IndicatorCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /** The queries over the warehouse this request reads (current figures or a release's). */
  private IndicatorQueries queries(Context ctx) {
    return new IndicatorQueries(warehouse(ctx), catalogue);
  }

  /** {@code GET /api/series?indicator&region[&from&to&grain&boundaries&trend]}. */
  public void series(Context ctx) {
    List<String> regions = Arrays.stream(required(ctx, "region").split(",", -1)).map(String::strip).toList();
    ctx.json(queries(ctx).series(scope(ctx), new SeriesRequest(required(ctx, "indicator"), regions,
        optionalYear(ctx, "from"), optionalYear(ctx, "to"),
        grain(ctx),
        boundaries(ctx),
        flag(ctx, "trend"), flag(ctx, "per_capita"))));
  }

  /** {@code GET /api/map?indicator&year[&level&boundaries]}. */
  public void map(Context ctx) {
    ctx.json(queries(ctx).map(scope(ctx), mapRequest(ctx)));
  }

  /** {@code GET /api/ranking?indicator&year[&level&boundaries]}: the map's regions in rank order. */
  public void ranking(Context ctx) {
    ctx.json(queries(ctx).ranking(scope(ctx), mapRequest(ctx)));
  }

  /** {@code GET /api/attainment?year[&indicator]}: campaign targets and what was achieved. */
  public void attainment(Context ctx) {
    ctx.json(queries(ctx).attainment(scope(ctx), requiredYear(ctx, "year"), ctx.queryParam("indicator")));
  }

  private static MapRequest mapRequest(Context ctx) {
    return new MapRequest(required(ctx, "indicator"), requiredYear(ctx, "year"),
        InvalidParameterException.choose("level", optional(ctx, "level", "province"), Level.PROVINCE, Level.DISTRICT, Level.COMMUNE),
        boundaries(ctx));
  }

  /** {@code GET /api/consistency?region&year}. */
  public void consistency(Context ctx) {
    ctx.json(queries(ctx).consistency(scope(ctx), region(ctx),
        requiredYear(ctx, "year")));
  }
}
