package vn.danvan.warehouse.trends;

import java.util.Objects;

/**
 * One observed value of an indicator in one period. There is no "missing" point: a period without
 * data simply has no point, because a zero would be read as a real count and bend every trend.
 *
 * @param period when
 * @param value the observed value, finite (NaN and infinities are rejected)
 */
public record Point(Period period, double value) {
  public Point {
    Objects.requireNonNull(period, "period");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value for " + period + " must be finite, not " + value
          + " (leave the point out when there is no data)");
    }
  }

  /** A point from a period label such as {@code 2019-Q3}. */
  public static Point of(String period, double value) {
    return new Point(Period.parse(period), value);
  }
}
