package vn.danvan.warehouse.trends;

import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import vn.danvan.contract.Grain;

/**
 * Ordinary least squares line through a series, value on period: answers "is this indicator
 * rising, by how much a year, and could that be noise?" with a slope, its confidence interval
 * (Student's t with n − 2 degrees of freedom) and the two-sided p-value of "slope = 0".
 *
 * <p>The x value of a point is its period's distance from the series' first period,
 * {@code period.index() − origin.index()}, never its position in the list: a missing quarter
 * leaves a gap of 1, so gaps do not compress time. Measuring from the first period rather than
 * from year 0 keeps the intercept meaningful (the fitted value at {@code origin}) and the sums
 * small enough for exact arithmetic.
 *
 * <p>A perfectly flat series (all values equal) has no residual variance, so the t statistic is
 * 0/0. We return slope 0, standard error 0, interval [0, 0], p-value 1 (the data are exactly the
 * null hypothesis) and r² 0 (the line explains no variance, there being none), instead of the NaNs
 * Commons Math would give.
 *
 * @param origin the first period of the series, where x = 0
 * @param n number of points, ≥ 3 (with 2 the line fits exactly and nothing can be tested)
 * @param slopePerPeriod change per period of the series' grain
 * @param intercept fitted value at {@code origin}
 * @param slopeStandardError standard error of the slope, ≥ 0
 * @param slopeLow lower bound of the slope's confidence interval, per period
 * @param slopeHigh upper bound of the slope's confidence interval, per period
 * @param confidence confidence level of the interval, e.g. 0.95
 * @param pValue two-sided p-value of the test "slope = 0", in [0, 1]
 * @param rSquared coefficient of determination, in [0, 1]
 */
public record LinearTrend(
    Period origin,
    int n,
    double slopePerPeriod,
    double intercept,
    double slopeStandardError,
    double slopeLow,
    double slopeHigh,
    double confidence,
    double pValue,
    double rSquared) {
  public static final double DEFAULT_CONFIDENCE = 0.95;
  public static final int MIN_POINTS = 3;

  public LinearTrend {
    Objects.requireNonNull(origin, "origin");
    if (n < MIN_POINTS) {
      throw new IllegalArgumentException("a trend needs at least " + MIN_POINTS
          + " points, got " + n);
    }
    requireFinite("slopePerPeriod", slopePerPeriod);
    requireFinite("intercept", intercept);
    requireFinite("slopeStandardError", slopeStandardError);
    if (slopeStandardError < 0) {
      throw new IllegalArgumentException("slopeStandardError must be ≥ 0, got "
          + slopeStandardError);
    }
    if (!(slopeLow <= slopePerPeriod && slopePerPeriod <= slopeHigh)) {
      throw new IllegalArgumentException("confidence interval [" + slopeLow + ", " + slopeHigh
          + "] must contain the slope " + slopePerPeriod);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
    }
    if (!(rSquared >= 0 && rSquared <= 1)) {
      throw new IllegalArgumentException("rSquared must be in [0, 1], got " + rSquared);
    }
  }

  /** The trend with a 95 % confidence interval; empty with fewer than {@value #MIN_POINTS} points. */
  public static Optional<LinearTrend> fit(Series series) {
    return fit(series, DEFAULT_CONFIDENCE);
  }

  /** The trend with a confidence interval at {@code confidence} (in (0, 1)). */
  public static Optional<LinearTrend> fit(Series series, double confidence) {
    Objects.requireNonNull(series, "series");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (series.size() < MIN_POINTS) {
      return Optional.empty();
    }
    Period origin = series.first().orElseThrow().period();
    int n = series.size();
    if (isFlat(series)) {
      double level = series.first().orElseThrow().value();
      return Optional.of(new LinearTrend(origin, n, 0, level, 0, 0, 0, confidence, 1, 0));
    }
    SimpleRegression ols = new SimpleRegression(true);
    for (Point p : series.points()) {
      ols.addData(p.period().index() - origin.index(), p.value());
    }
    double slope = ols.getSlope();
    double halfWidth = ols.getSlopeConfidenceInterval(1 - confidence);
    return Optional.of(new LinearTrend(origin, n, slope, ols.getIntercept(),
        ols.getSlopeStdErr(), slope - halfWidth, slope + halfWidth, confidence,
        ols.getSignificance(), ols.getRSquare()));
  }

  private static boolean isFlat(Series series) {
    double v = series.points().get(0).value();
    return series.points().stream().allMatch(p -> p.value() == v);
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  public Grain grain() {
    return origin.grain();
  }

  /** Change per year: the per-period slope times the periods in a year (×4 for quarters). */
  public double slopePerYear() {
    return slopePerPeriod * grain().periodsPerYear();
  }

  public double slopePerYearLow() {
    return slopeLow * grain().periodsPerYear();
  }

  public double slopePerYearHigh() {
    return slopeHigh * grain().periodsPerYear();
  }

  /** The line's value at {@code period}, which must have the series' grain; for drawing it. */
  public double fittedAt(Period period) {
    origin.requireSameGrain(period);
    return intercept + slopePerPeriod * (period.index() - origin.index());
  }
}
