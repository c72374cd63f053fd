package vn.danvan.dashboard.outreach;

import static vn.danvan.dashboard.QueryParams.boundaries;
import static vn.danvan.dashboard.QueryParams.grain;
import static vn.danvan.dashboard.QueryParams.optional;
import static vn.danvan.dashboard.QueryParams.optionalYear;
import static vn.danvan.dashboard.QueryParams.region;
import static vn.danvan.dashboard.QueryParams.scope;
import static vn.danvan.dashboard.QueryParams.warehouse;

import io.javalin.http.Context;
import java.util.Optional;
import vn.danvan.contract.Level;
import vn.danvan.contract.PostAge;
import vn.danvan.warehouse.outreach.Dimension;
import vn.danvan.warehouse.outreach.OutreachQueries;
import vn.danvan.warehouse.outreach.PostFilter;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * {@code /api/outreach/aggregates}, {@code /api/outreach/growth} and {@code /api/outreach/posts}
 * (docs/outreach.md): the official units' posts and their aggregate counts, never anything about
 * the people who reacted.
 */
public final class OutreachController {
  /** The queries over the warehouse this request reads (current figures or a release's). */
  private static OutreachQueries queries(Context ctx) {
    return new OutreachQueries(warehouse(ctx));
  }

  /** {@code GET /api/outreach/aggregates?by[&region&from&to|period&grain&level&boundaries]}. */
  public void aggregates(Context ctx) {
    Dimension by = Dimension.parse("by", optional(ctx, "by", Dimension.PLATFORM.code()));
    Level level = InvalidParameterException.choose("level", optional(ctx, "level", Level.PROVINCE.code()), Level.values());
    ctx.json(queries(ctx).aggregates(scope(ctx), filter(ctx), by, level,
        grain(ctx)));
  }

  /** {@code GET /api/outreach/growth[?by&region&from&to|period&boundaries]}. */
  public void growth(Context ctx) {
    Optional<Dimension> by = Optional.ofNullable(optional(ctx, "by", null)).map(s -> Dimension.parse("by", s));
    ctx.json(queries(ctx).growth(scope(ctx), filter(ctx), by));
  }

  /** {@code GET /api/outreach/posts[?order=top|bottom&age=1h|24h|7d&limit&region&from&to|period&boundaries]}. */
  public void posts(Context ctx) {
    String limit = optional(ctx, "limit", "20");
    if (!limit.matches("\\d{1,4}")) {
      throw new InvalidParameterException("limit", "must be a whole number 1 to " + OutreachQueries.MAX_LIMIT
          + ", not '" + limit + "'");
    }
    ctx.json(queries(ctx).posts(scope(ctx), filter(ctx), InvalidParameterException.choose("age", optional(ctx, "age", PostAge.H24.code()), PostAge.values()),
        OutreachQueries.Order.parse("order", optional(ctx, "order", "top")), Integer.parseInt(limit)));
  }

  private static PostFilter filter(Context ctx) {
    return PostFilter.of(region(ctx),
        boundaries(ctx),
        optionalYear(ctx, "from"), optionalYear(ctx, "to"),
        Optional.ofNullable(optional(ctx, "period", null)));
  }

}
