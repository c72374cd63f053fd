package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import vn.danvan.warehouse.trends.Cagr;
import vn.danvan.warehouse.trends.LinearTrend;
import vn.danvan.warehouse.trends.Series;

/**
 * The straight-line trend of a series (least squares over the periods with data) and its compound
 * annual growth, as a chart's "trend line" and its caption need them.
 */
public record TrendSummary(
    @JsonProperty("n") int n,
    @JsonProperty("slope_per_year") double slopePerYear,
    @JsonProperty("slope_ci_low") double slopeCiLow,
    @JsonProperty("slope_ci_high") double slopeCiHigh,
    @JsonProperty("confidence") double confidence,
    @JsonProperty("p_value") double pValue,
    @JsonProperty("r_squared") double rSquared,
    @JsonProperty("origin") String origin,
    @JsonProperty("intercept") double intercept,
    @JsonProperty("cagr_percent") Double cagrPercent) {

  /** Empty with fewer than {@value LinearTrend#MIN_POINTS} points. */
  static Optional<TrendSummary> of(Series series) {
    Double cagr = Cagr.of(series).map(Cagr::percent).filter(Double::isFinite).orElse(null);
    return LinearTrend.fit(series).map(t -> new TrendSummary(t.n(), t.slopePerYear(),
        t.slopePerYearLow(), t.slopePerYearHigh(), t.confidence(), t.pValue(), t.rSquared(),
        t.origin().label(), t.intercept(), cagr));
  }
}
