package vn.danvan.dashboard;

import io.javalin.http.Context;
import java.util.OptionalInt;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.dashboard.access.AuthGate;
import vn.danvan.dashboard.release.ReleaseWarehouses;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The request parameters every controller reads, read one way: blank is absent, values are
 * stripped, and a bad one is an {@link InvalidParameterException} naming it, so every 400 reads the
 * same.
 */
public final class QueryParams {
  private QueryParams() {}

  /**
   * The part of the country the signed-in caller may see (enforced in the warehouse); a 401 when
   * no caller was authenticated, so a route the gate let through by mistake still reads nothing.
   */
  public static RegionScope scope(Context ctx) {
    return AuthGate.caller(ctx).scope();
  }

  /**
   * The warehouse this request reads: CURRENT's, or the one over the snapshot of the release that
   * {@code release=NAME} names, resolved once per request by {@link ReleaseWarehouses#reading}.
   */
  public static Warehouse warehouse(Context ctx) {
    return ReleaseWarehouses.of(ctx).warehouse();
  }

  /** {@code region}: the caller's own region (its scope's root, the nation for a national account) unless asked. */
  public static String region(Context ctx) {
    return optional(ctx, "region", scope(ctx).rootCode());
  }

  public static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(name, "is required");
    }
    return value.strip();
  }

  public static String optional(Context ctx, String name, String fallback) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** {@code boundaries}: {@code reported} unless asked otherwise. */
  public static Boundaries boundaries(Context ctx) {
    return InvalidParameterException.choose("boundaries", optional(ctx, "boundaries", Boundaries.REPORTED.code()),
        Boundaries.values());
  }

  /** {@code grain}: {@code year} unless asked otherwise. */
  public static Grain grain(Context ctx) {
    return InvalidParameterException.choose("grain", optional(ctx, "grain", Grain.YEAR.code()), Grain.values());
  }

  public static boolean flag(Context ctx, String name) {
    String value = optional(ctx, name, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidParameterException(name, "must be true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  public static int requiredYear(Context ctx, String name) {
    return year(name, required(ctx, name));
  }

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
