package vn.danvan.warehouse.survey;

import java.util.Objects;
import java.util.Optional;
import vn.danvan.warehouse.indicators.Boundaries;

/**
 * A request for the survey cells of one indicator and region.
 *
 * @param wave one wave, or every wave of the series
 * @param by the stratum dimension ({@link Stratum#TOTAL}: the region's respondents as a whole)
 */
public record EstimatesRequest(String indicator, String region, Optional<String> wave, Stratum by,
    Boundaries boundaries) {
  public EstimatesRequest {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(boundaries, "boundaries");
  }
}
