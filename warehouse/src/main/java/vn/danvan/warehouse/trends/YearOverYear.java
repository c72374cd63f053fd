package vn.danvan.warehouse.trends;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A point compared with the same period one year earlier (2019-Q3 against 2018-Q3). Comparing
 * like with like removes seasonality, which matters for outreach work that peaks around fixed
 * campaigns; comparing with the previous quarter would mostly measure the calendar.
 *
 * <p>The changes are derived, not stored, so a value can never disagree with its base.
 *
 * @param period the period compared
 * @param value its value
 * @param previousValue the value one year earlier, empty when that period has no point
 */
public record YearOverYear(Period period, double value, OptionalDouble previousValue) {
  public YearOverYear {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(previousValue, "previousValue (use OptionalDouble.empty())");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value for " + period + " must be finite, not " + value);
    }
    if (previousValue.isPresent() && !Double.isFinite(previousValue.getAsDouble())) {
      throw new IllegalArgumentException("previous value for " + period + " must be finite, not "
          + previousValue.getAsDouble());
    }
  }

  /** One entry per point of the series, in the series' order. */
  public static List<YearOverYear> of(Series series) {
    Objects.requireNonNull(series, "series");
    return series.points().stream()
        .map(p -> new YearOverYear(p.period(), p.value(),
            series.valueAt(p.period().previousYearSame())))
        .toList();
  }

  /** {@code value − previous}; empty when there is no previous value. */
  public OptionalDouble absoluteChange() {
    return previousValue.isPresent()
        ? OptionalDouble.of(value - previousValue.getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * {@code (value − previous) / |previous| × 100}; empty when there is no previous value or it is
   * 0. Dividing by the magnitude keeps the sign meaning "went up" for negative bases too (a net
   * balance going from −100 to −50 is +50 %, not −50 %).
   */
  public OptionalDouble percentChange() {
    if (previousValue.isEmpty() || previousValue.getAsDouble() == 0) {
      return OptionalDouble.empty();
    }
    double previous = previousValue.getAsDouble();
    return OptionalDouble.of((value - previous) / Math.abs(previous) * 100);
  }
}
