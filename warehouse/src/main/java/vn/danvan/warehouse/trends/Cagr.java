package vn.danvan.warehouse.trends;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Compound annual growth rate between two periods: the constant yearly rate that turns the first
 * value into the last, {@code (last / first)^(1 / years) − 1}. It makes a 2015→2019 change and a
 * 2017-Q1→2019-Q3 change comparable, because both are expressed per year.
 *
 * <p>Years run from the start of {@code from} to the start of {@code to} (2019-Q1 → 2020-Q3 is 1.5
 * years), so a yearly series 2019→2021 spans 2 years. The rate is undefined, and the factories
 * return empty, when the first value is ≤ 0 (no growth from nothing, and a root of a negative ratio
 * has no meaning) or the last is negative; a last value of 0 gives −100 %.
 *
 * @param from the base period
 * @param to the final period, strictly after {@code from}, same grain
 * @param first value in {@code from}, &gt; 0
 * @param last value in {@code to}, ≥ 0
 */
public record Cagr(Period from, Period to, double first, double last) {
  public Cagr {
    requireOrdered(from, to);
    if (!(first > 0) || !Double.isFinite(first)) {
      throw new IllegalArgumentException("CAGR needs a finite first value > 0, got " + first);
    }
    if (!(last >= 0) || !Double.isFinite(last)) {
      throw new IllegalArgumentException("CAGR needs a finite last value ≥ 0, got " + last);
    }
  }

  /** Between the first and last point; empty with fewer than two points or undefined values. */
  public static Optional<Cagr> of(Series series) {
    Objects.requireNonNull(series, "series");
    if (series.size() < 2) {
      return Optional.empty();
    }
    Point a = series.first().orElseThrow();
    Point b = series.last().orElseThrow();
    return defined(a.period(), a.value(), b.period(), b.value());
  }

  /**
   * Between two given periods; empty when either has no point or the values are undefined.
   *
   * @throws IllegalArgumentException when {@code to} is not after {@code from} or the grains differ
   */
  public static Optional<Cagr> between(Series series, Period from, Period to) {
    Objects.requireNonNull(series, "series");
    requireOrdered(from, to);
    OptionalDouble a = series.valueAt(from);
    OptionalDouble b = series.valueAt(to);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return defined(from, a.getAsDouble(), to, b.getAsDouble());
  }

  private static void requireOrdered(Period from, Period to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    from.requireSameGrain(to);
    if (to.index() <= from.index()) {
      throw new IllegalArgumentException("CAGR needs 'to' after 'from', got " + from + " → " + to);
    }
  }

  private static Optional<Cagr> defined(Period from, double first, Period to, double last) {
    return first > 0 && last >= 0
        ? Optional.of(new Cagr(from, to, first, last))
        : Optional.empty();
  }

  public double years() {
    return from.yearsUntil(to);
  }

  /** The rate as a fraction: 0.10 for 10 % a year. */
  public double rate() {
    return Math.pow(last / first, 1 / years()) - 1;
  }

  /** The rate in percent: 10.0 for 10 % a year. */
  public double percent() {
    return rate() * 100;
  }
}
