package vn.danvan.etl.survey;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Weighted estimates from the sums of one cell (docs/surveys.md, "Method"). The design effect of
 * unequal weights is taken into account through Kish's effective sample size n_eff = (Σw)²/Σw²:
 * <ul>
 *   <li>a proportion p = Σw·[answer = option] / Σw has SE √(p(1−p)/n_eff) and the Wilson score
 *       interval computed on n_eff (good near 0 and 1, where the Wald interval collapses);
 *   <li>a mean m = Σw·x / Σw has SE s/√n_eff, with s² the weighted variance Σw(x−m)² / (Σw − Σw²/Σw)
 *       (unbiased for reliability weights), and a t interval on n_eff − 1 degrees of freedom.
 * </ul>
 * The survey design beyond the weights (strata, clusters) is not in the data contract, so it is
 * not in the SE either; with equal weights everything reduces to the simple-random-sample formulas.
 */
public final class Estimator {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final double confidence;
  private final double z;

  public Estimator(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), not " + confidence);
    }
    this.confidence = confidence;
    this.z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** The normal quantile of the two-sided interval (1.959964 at 95 %). */
  public double z() {
    return z;
  }

  /**
   * @param n respondents who answered
   * @param sumW Σw over them
   * @param sumW2 Σw² over them
   * @param sumWy Σw over those who gave the option
   */
  public Estimate proportion(long n, double sumW, double sumW2, double sumWy) {
    requireSums(n, sumW, sumW2);
    double p = clamp(sumWy / sumW);
    double nEff = sumW * sumW / sumW2;
    double se = Math.sqrt(p * (1 - p) / nEff);
    double z2 = z * z;
    double denominator = 1 + z2 / nEff;
    double centre = (p + z2 / (2 * nEff)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / nEff + z2 / (4 * nEff * nEff));
    return new Estimate(p, se, Math.max(0, centre - half), Math.min(1, centre + half), n, nEff);
  }

  /**
   * @param sumWx Σw·x
   * @param sumWx2 Σw·x²
   */
  public Estimate mean(long n, double sumW, double sumW2, double sumWx, double sumWx2) {
    requireSums(n, sumW, sumW2);
    double m = sumWx / sumW;
    double nEff = sumW * sumW / sumW2;
    double ss = Math.max(0, sumWx2 - sumW * m * m);
    double reliability = sumW - sumW2 / sumW;
    if (reliability <= 0 || nEff <= 1) {
      return new Estimate(m, Double.NaN, Double.NaN, Double.NaN, n, nEff);
    }
    double se = Math.sqrt(ss / reliability / nEff);
    double t = new TDistribution(null, nEff - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new Estimate(m, se, m - t * se, m + t * se, n, nEff);
  }

  /**
   * The change from an earlier wave's estimate to a later one, the two samples independent: the
   * difference, its SE √(se₁² + se₂²), z and the two-sided p-value under the normal approximation.
   */
  public Change change(Estimate earlier, Estimate later) {
    double d = later.value() - earlier.value();
    double se = Math.sqrt(earlier.se() * earlier.se() + later.se() * later.se());
    double zScore = se > 0 ? d / se : Double.NaN;
    double p = Double.isNaN(zScore) ? Double.NaN : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(zScore)));
    return new Change(d, se, zScore, p);
  }

  /** A change between two waves. */
  public record Change(double difference, double se, double z, double p) {}

  private static void requireSums(long n, double sumW, double sumW2) {
    if (n < 1 || !(sumW > 0) || !(sumW2 > 0)) {
      throw new IllegalArgumentException("a cell needs respondents with positive weights: n=" + n
          + ", Σw=" + sumW + ", Σw²=" + sumW2);
    }
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
