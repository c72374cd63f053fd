package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearTrendTest {
  private static final double EPS = 1e-6;

  /**
   * Yearly 2015..2019 = 2, 4, 5, 4, 5; x = 0..4 (years since 2015).
   *
   * <pre>
   * x̄ = 2, ȳ = 20 / 5 = 4
   * Sxx = 4 + 1 + 0 + 1 + 4 = 10
   * Sxy = (−2)(−2) + (−1)(0) + 0(1) + 1(0) + 2(1) = 6
   * slope b = 6 / 10 = 0.6, intercept a = 4 − 0.6·2 = 2.8 (the fitted value in 2015)
   * fitted 2.8, 3.4, 4.0, 4.6, 5.2 → residuals −0.8, 0.6, 1.0, −0.6, −0.2
   * SSE = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4; MSE = 2.4 / (5 − 2) = 0.8
   * SE(b) = √(MSE / Sxx) = √0.08 = 0.282842712
   * t(0.975, 3 df) = 3.182446305 → half-width = 3.182446305 · 0.282842712 = 0.900131745
   * 95 % CI = [0.6 − 0.900131745, 0.6 + 0.900131745] = [−0.300131745, 1.500131745]
   * t = 0.6 / 0.282842712 = 2.121320344 = √4.5
   * Student t, 3 df: F(t) = ½ + (1/π)·[ (t/√3) / (1 + t²/3) + atan(t/√3) ]
   *   t/√3 = √1.5 = 1.224744871, t²/3 = 1.5 → 1.224744871 / 2.5 = 0.489897949
   *   atan(1.224744871) = 0.886077124 → F = ½ + 1.375975073 / π = 0.937986469
   *   p = 2·(1 − F) = 0.124027063
   * SST = 4 + 0 + 1 + 0 + 1 = 6 → r² = 1 − 2.4 / 6 = 0.6
   * </pre>
   */
  @Test
  void fits_the_hand_worked_five_point_regression() {
    Series s = Series.of(Point.of("2015", 2), Point.of("2016", 4), Point.of("2017", 5),
        Point.of("2018", 4), Point.of("2019", 5));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.n()).isEqualTo(5);
    assertThat(t.origin()).isEqualTo(Period.parse("2015"));
    assertThat(t.slopePerPeriod()).isCloseTo(0.6, within(EPS));
    assertThat(t.slopePerYear()).isCloseTo(0.6, within(EPS));
    assertThat(t.intercept()).isCloseTo(2.8, within(EPS));
    assertThat(t.slopeStandardError()).isCloseTo(0.282842712, within(EPS));
    assertThat(t.slopeLow()).isCloseTo(-0.300131745, within(EPS));
    assertThat(t.slopeHigh()).isCloseTo(1.500131745, within(EPS));
    assertThat(t.confidence()).isEqualTo(0.95);
    assertThat(t.pValue()).isCloseTo(0.124027063, within(EPS));
    assertThat(t.rSquared()).isCloseTo(0.6, within(EPS));
    assertThat(t.fittedAt(Period.parse("2019"))).isCloseTo(5.2, within(EPS));
  }

  @Test
  void slope_per_year_multiplies_by_the_periods_in_a_year() {
    // same values as quarters 2015-Q1..2015-Q4, 2016-Q1: 0.6 per quarter = 0.6·4 = 2.4 per year;
    // CI per year = 4·[−0.300131745, 1.500131745] = [−1.200526981, 6.000526981]
    Series s = Series.of(Point.of("2015-Q1", 2), Point.of("2015-Q2", 4), Point.of("2015-Q3", 5),
        Point.of("2015-Q4", 4), Point.of("2016-Q1", 5));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.slopePerPeriod()).isCloseTo(0.6, within(EPS));
    assertThat(t.slopePerYear()).isCloseTo(2.4, within(EPS));
    assertThat(t.slopePerYearLow()).isCloseTo(-1.200526981, within(EPS));
    assertThat(t.slopePerYearHigh()).isCloseTo(6.000526981, within(EPS));
    assertThat(t.pValue()).isCloseTo(0.124027063, within(EPS));
  }

  @Test
  void a_gap_keeps_the_true_period_distance_as_x() {
    // 2019-Q3 is missing: x = 0, 1, 3, 4 and y = 1, 2, 4, 5 lie on y = 1 + x exactly
    // → slope 1 per quarter (4 per year), intercept 1, r² = 1.
    // Using list positions x = 0, 1, 2, 3 would give Sxy / Sxx = 7 / 5 = 1.4 instead.
    Series s = Series.of(Point.of("2019-Q1", 1), Point.of("2019-Q2", 2), Point.of("2019-Q4", 4),
        Point.of("2020-Q1", 5));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.n()).isEqualTo(4);
    assertThat(t.slopePerPeriod()).isCloseTo(1.0, within(EPS));
    assertThat(t.slopePerYear()).isCloseTo(4.0, within(EPS));
    assertThat(t.intercept()).isCloseTo(1.0, within(EPS));
    assertThat(t.rSquared()).isCloseTo(1.0, within(EPS));
    assertThat(t.fittedAt(Period.parse("2019-Q3"))).isCloseTo(3.0, within(EPS));
  }

  @Test
  void a_gap_changes_the_fit_compared_with_consecutive_periods() {
    // y = 2, 4, 5, 4, 5 at x = 0, 1, 2, 3, 5 (2020 missing, 2021 present)
    // x̄ = 11 / 5 = 2.2, ȳ = 4; Sxx = Σx² − 5·x̄² = 39 − 24.2 = 14.8
    // Sxy = Σxy − 5·x̄·ȳ = (0 + 4 + 10 + 12 + 25) − 44 = 7 → slope = 7 / 14.8 = 0.472972973
    // intercept = 4 − 0.472972973·2.2 = 2.959459459
    Series s = Series.of(Point.of("2016", 2), Point.of("2017", 4), Point.of("2018", 5),
        Point.of("2019", 4), Point.of("2021", 5));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.slopePerPeriod()).isCloseTo(0.472972973, within(EPS));
    assertThat(t.intercept()).isCloseTo(2.959459459, within(EPS));
  }

  @Test
  void a_flat_series_has_slope_zero_and_p_value_one_not_nan() {
    // all values 7: SSE = 0 and slope = 0, so t = 0 / 0; we return p = 1, SE = 0, CI [0, 0],
    // r² = 0 and the level as intercept
    Series s = Series.of(Point.of("2019-01", 7), Point.of("2019-02", 7), Point.of("2019-04", 7));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.slopePerPeriod()).isZero();
    assertThat(t.slopePerYear()).isZero();
    assertThat(t.intercept()).isEqualTo(7);
    assertThat(t.slopeStandardError()).isZero();
    assertThat(t.slopeLow()).isZero();
    assertThat(t.slopeHigh()).isZero();
    assertThat(t.pValue()).isEqualTo(1.0);
    assertThat(t.rSquared()).isZero();
  }

  @Test
  void a_flat_series_of_inexact_decimals_is_still_exactly_flat() {
    Series s = Series.of(Point.of("2015", 0.1), Point.of("2016", 0.1), Point.of("2017", 0.1),
        Point.of("2018", 0.1));

    LinearTrend t = LinearTrend.fit(s).orElseThrow();

    assertThat(t.slopePerPeriod()).isZero();
    assertThat(t.pValue()).isEqualTo(1.0);
  }

  @Test
  void needs_at_least_three_points() {
    assertThat(LinearTrend.fit(Series.of(Point.of("2019", 1), Point.of("2020", 2)))).isEmpty();
    assertThat(LinearTrend.fit(Series.of())).isEmpty();
  }

  @Test
  void a_wider_confidence_level_widens_the_interval() {
    // 99 %: t(0.995, 3 df) = 5.840909309 → half-width = 5.840909309·0.282842712 = 1.652058632
    Series s = Series.of(Point.of("2015", 2), Point.of("2016", 4), Point.of("2017", 5),
        Point.of("2018", 4), Point.of("2019", 5));

    LinearTrend t = LinearTrend.fit(s, 0.99).orElseThrow();

    assertThat(t.slopeLow()).isCloseTo(0.6 - 1.652058632, within(EPS));
    assertThat(t.slopeHigh()).isCloseTo(0.6 + 1.652058632, within(EPS));
  }
}
