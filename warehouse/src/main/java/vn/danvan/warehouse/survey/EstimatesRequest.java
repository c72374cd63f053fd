package vn.danvan.warehouse.survey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Stratum;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;

/**
 * A request for the survey cells of one indicator in some regions (a map of one wave asks for
 * every province and the nation at once).
 *
 * @param regions region codes, answered in this order
 * @param wave one wave, or every wave of the series
 * @param by the stratum dimension ({@link Stratum#TOTAL}: the regions' respondents as a whole)
 */
public record EstimatesRequest(String indicator, List<String> regions, Optional<String> wave, Stratum by,
    Boundaries boundaries) {
  /** Enough for the 63 provinces before the reform and the nation. */
  public static final int MAX_REGIONS = CostLimits.MAX_REGIONS;

  public EstimatesRequest {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(boundaries, "boundaries");
    regions = List.copyOf(regions);
    if (regions.isEmpty() || regions.size() > MAX_REGIONS) {
      throw new InvalidParameterException("region", "name 1 to " + MAX_REGIONS + " region codes, not "
          + regions.size());
    }
    for (String code : regions) {
      if (!RegionScope.isRegionCode(code)) {
        throw new InvalidParameterException("region", "is VN or a 2-, 3- or 5-digit GSO code, not '" + code + "'");
      }
    }
    if (regions.stream().distinct().count() != regions.size()) {
      throw new InvalidParameterException("region", "names a region twice: " + String.join(",", regions));
    }
    wave.ifPresent(w -> {
      if (!w.matches("[A-Za-z0-9_.:-]{1,64}")) {
        throw new InvalidParameterException("wave", "is a wave id such as W2024-1, not '" + w + "'");
      }
    });
  }
}
