package vn.danvan.dashboard.trends;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import vn.danvan.warehouse.indicators.Boundaries;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.Level;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;

/**
 * {@code /api/series}, {@code /api/map}, {@code /api/ranking}, {@code /api/attainment} and
 * {@code /api/consistency}: request parameters checked and named in every 400, answered from the
 * marts of the served snapshot.
 */
public final class TrendController {
  private final IndicatorQueries queries;

  public TrendController(IndicatorQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  /** {@code GET /api/series?indicator&region[&from&to&grain&boundaries&trend]}. */
  public void series(Context ctx) {
    List<String> regions = Arrays.stream(required(ctx, "region").split(",", -1)).map(String::strip).toList();
    ctx.json(queries.series(scope(ctx), new SeriesRequest(required(ctx, "indicator"), regions,
        optionalYear(ctx, "from"), optionalYear(ctx, "to"),
        IndicatorQueries.grain("grain", optional(ctx, "grain", "year")),
        Boundaries.parse("boundaries", optional(ctx, "boundaries", Boundaries.REPORTED.code())),
        flag(ctx, "trend"), flag(ctx, "per_capita"))));
  }

  /** {@code GET /api/map?indicator&year[&level&boundaries]}. */
  public void map(Context ctx) {
    ctx.json(queries.map(scope(ctx), mapRequest(ctx)));
  }

  /** {@code GET /api/ranking?indicator&year[&level&boundaries]}: the map's regions in rank order. */
  public void ranking(Context ctx) {
    ctx.json(queries.ranking(scope(ctx), mapRequest(ctx)));
  }

  /** {@code GET /api/attainment?year[&indicator]}: campaign targets and what was achieved. */
  public void attainment(Context ctx) {
    ctx.json(queries.attainment(scope(ctx), requiredYear(ctx, "year"), ctx.queryParam("indicator")));
  }

  private static MapRequest mapRequest(Context ctx) {
    return new MapRequest(required(ctx, "indicator"), requiredYear(ctx, "year"),
        Level.parse("level", optional(ctx, "level", "province"), Level.PROVINCE, Level.DISTRICT, Level.COMMUNE),
        Boundaries.parse("boundaries", optional(ctx, "boundaries", Boundaries.REPORTED.code())));
  }

  /** {@code GET /api/consistency?region&year}. */
  public void consistency(Context ctx) {
    ctx.json(queries.consistency(scope(ctx), optional(ctx, "region", RegionScope.COUNTRY),
        requiredYear(ctx, "year")));
  }

  /** The whole country until access control names a caller's subtree (enforced in the warehouse). */
  private static RegionScope scope(Context ctx) {
    return RegionScope.country();
  }

  /** Shared with the other controllers, so every 400 reads the same. */
  public static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(name, "is required");
    }
    return value.strip();
  }

  /** Shared with the other controllers, so every 400 reads the same. */
  public static String optional(Context ctx, String name, String fallback) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static boolean flag(Context ctx, String name) {
    String value = optional(ctx, name, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidParameterException(name, "must be true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  private static int requiredYear(Context ctx, String name) {
    return year(name, required(ctx, name));
  }

  /** Shared with the other controllers, so every 400 reads the same. */
  public static OptionalInt optionalYear(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? OptionalInt.empty() : OptionalInt.of(year(name, value.strip()));
  }

  private static int year(String name, String text) {
    if (!text.matches("\\d{4}")) {
      throw new InvalidParameterException(name, "a year is YYYY, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }
}
