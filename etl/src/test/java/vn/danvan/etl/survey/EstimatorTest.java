package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

class EstimatorTest {
  private static final Estimator AT_95 = new Estimator(0.95);

  /**
   * Five respondents, weights 1, 1, 2, 2, 4, answering yes, no, yes, no, yes.
   * Σw = 10, Σw² = 1 + 1 + 4 + 4 + 16 = 26, n_eff = 10² / 26 = 3.846154.
   * p = (1 + 2 + 4) / 10 = 0.7; SE = √(0.7 · 0.3 / 3.846154) = √0.0546 = 0.233666.
   * Wilson on n_eff, z = 1.959964, z² = 3.841459: z²/n_eff = 0.998779, denominator 1.998779;
   * centre = (0.7 + 3.841459 / 7.692308) / 1.998779 = 1.199390 / 1.998779 = 0.600061;
   * half = 1.959964 / 1.998779 · √(0.0546 + 3.841459 / (4 · 14.792899)) = 0.980581 · √0.119520
   * = 0.339004; CI = [0.261057, 0.939065].
   */
  @Test
  void weighted_proportion_worked_by_hand() {
    Estimate e = AT_95.proportion(5, 10, 26, 7);
    assertThat(e.value()).isCloseTo(0.7, within(1e-12));
    assertThat(e.nEff()).isCloseTo(3.846154, within(1e-6));
    assertThat(e.n()).isEqualTo(5);
    assertThat(e.se()).isCloseTo(0.233666, within(1e-6));
    assertThat(e.ciLow()).isCloseTo(0.261057, within(1e-6));
    assertThat(e.ciHigh()).isCloseTo(0.939065, within(1e-6));
  }

  /**
   * Newcombe R.G. (1998), "Two-sided confidence intervals for the single proportion: comparison of
   * seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no
   * continuity correction): 81/263 → 0.2553-0.3662; 15/148 → 0.0624-0.1605; 0/20 → 0.0000-0.1611;
   * 1/29 → 0.0061-0.1718. Equal weights give n_eff = n, so a weighted sample of equal weights (here
   * 2.5 each: Σw = 2.5 n, Σw² = 6.25 n, n_eff = 6.25 n² / 6.25 n = n) must reproduce them; the last
   * two sit at and near 0, where the Wald interval fails.
   */
  @Test
  void wilson_interval_on_equal_weights_reproduces_newcombe_1998_table_1() {
    double[][] published = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0.0, 0.1611},
        {1, 29, 0.0061, 0.1718}};
    for (double[] row : published) {
      long n = (long) row[1];
      Estimate e = AT_95.proportion(n, 2.5 * n, 6.25 * n, 2.5 * row[0]);
      assertThat(e.nEff()).isCloseTo(n, within(1e-9));
      assertThat(e.ciLow()).as("%s/%s low", row[0], n).isCloseTo(row[2], within(0.00005));
      assertThat(e.ciHigh()).as("%s/%s high", row[0], n).isCloseTo(row[3], within(0.00005));
    }
  }

  @Test
  void wilson_interval_agrees_with_commons_math_on_whole_counts() {
    ConfidenceInterval cm = new WilsonScoreInterval().createInterval(263, 81, 0.95);
    Estimate e = AT_95.proportion(263, 263, 263, 81);
    assertThat(e.ciLow()).isCloseTo(cm.getLowerBound(), within(1e-12));
    assertThat(e.ciHigh()).isCloseTo(cm.getUpperBound(), within(1e-12));
  }

  /**
   * Weights 1, 1, 2, 2, 4 and answers 10, 20, 30, 40, 50: Σw = 10, Σw·x = 10 + 20 + 60 + 80 + 200
   * = 370, mean 37. Σw(x − 37)² = 729 + 289 + 98 + 18 + 676 = 1,810; Σw − Σw²/Σw = 10 − 2.6 = 7.4;
   * s² = 1810 / 7.4 = 244.594595; SE = √(244.594595 / 3.846154) = √63.594595 = 7.974622. The interval
   * is 37 ± t(0.975; n_eff − 1 = 2.846154) · SE.
   */
  @Test
  void weighted_mean_worked_by_hand_with_a_t_interval_on_the_effective_n() {
    double sumWx2 = 100 + 400 + 2 * 900 + 2 * 1600 + 4 * 2500;
    Estimate e = AT_95.mean(5, 10, 26, 370, sumWx2);
    assertThat(e.value()).isCloseTo(37, within(1e-12));
    assertThat(e.se()).isCloseTo(7.974622, within(1e-6));
    double t = new TDistribution(100.0 / 26 - 1).inverseCumulativeProbability(0.975);
    assertThat(t).isBetween(3.18, 4.30); // between t(0.975; 3) = 3.182 and t(0.975; 2) = 4.303
    assertThat(e.ciLow()).isCloseTo(37 - t * 7.974622, within(1e-5));
    assertThat(e.ciHigh()).isCloseTo(37 + t * 7.974622, within(1e-5));
  }

  /**
   * 0.40 (SE 0.03) to 0.52 (SE 0.04): difference 0.12, SE √(0.0009 + 0.0016) = 0.05, z = 2.4,
   * two-sided p = 2 · (1 − Φ(2.4)) = 2 · 0.0081975 = 0.016395.
   */
  @Test
  void change_between_waves_is_tested_as_independent_samples() {
    Estimator.Change c = AT_95.change(new Estimate(0.40, 0.03, 0.34, 0.46, 300, 270),
        new Estimate(0.52, 0.04, 0.44, 0.60, 200, 160));
    assertThat(c.difference()).isCloseTo(0.12, within(1e-12));
    assertThat(c.se()).isCloseTo(0.05, within(1e-12));
    assertThat(c.z()).isCloseTo(2.4, within(1e-9));
    assertThat(c.p()).isCloseTo(0.016395, within(1e-6));
  }
}
