package vn.danvan.etl.survey;

/**
 * A weighted estimate of one cell with its uncertainty. {@code NaN} marks what cannot be computed
 * (an interval on fewer than two effective respondents).
 *
 * @param n respondents who answered (unweighted)
 * @param nEff Kish's effective sample size (Σw)² / Σw²
 */
public record Estimate(double value, double se, double ciLow, double ciHigh, long n, double nEff) {
  public Estimate {
    if (n < 1) {
      throw new IllegalArgumentException("an estimate needs at least one respondent, not " + n);
    }
    if (!(nEff > 0) || nEff > n * (1 + 1e-9)) {
      throw new IllegalArgumentException("effective sample size must be in (0, n=" + n + "], not " + nEff);
    }
  }

  /** se / |value|; NaN for a value of 0, whose relative error is undefined. */
  public double rse() {
    return value == 0 ? Double.NaN : se / Math.abs(value);
  }
}
