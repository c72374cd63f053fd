package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import vn.danvan.warehouse.trends.PerCapita;
import vn.danvan.warehouse.trends.Period;
import vn.danvan.warehouse.trends.Point;
import vn.danvan.warehouse.trends.Series;

/**
 * One period of a region's series. {@code value} is null when there is no figure (no data is not
 * zero); then {@code source}, {@code exact} and {@code method} are absent too.
 *
 * @param source {@code report}, {@code records} or {@code mixed}
 * @param exact false when part of the value was apportioned through a partial lineage link
 * @param method the least precise apportioning used ({@code weight}, {@code population},
 *     {@code equal}); null when exact
 * @param population inhabitants of the region in the period's year, when asked for and known
 * @param per10k the value per 10,000 inhabitants, when asked for and both are known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeriesPoint(String period, Double value, String source, Boolean exact, String method,
    Long population, @JsonProperty("per_10k") Double per10k) {
  public SeriesPoint {
    Objects.requireNonNull(period, "period");
  }

  SeriesPoint(String period, Double value, String source, Boolean exact, String method) {
    this(period, value, source, exact, method, null, null);
  }

  static SeriesPoint noData(String period) {
    return new SeriesPoint(period, null, null, null, null);
  }

  /** This point with the inhabitants of its year and, when both are known, the value per 10,000. */
  SeriesPoint withPopulation(Long people) {
    Double per = value == null || people == null ? null
        : PerCapita.of(Series.of(Point.of(period, value)), Map.of(Period.parse(period).year(), people))
            .get(0).per10k().stream().boxed().findFirst().orElse(null);
    return new SeriesPoint(period, value, source, exact, method, people, per);
  }
}
