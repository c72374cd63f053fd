package vn.danvan.warehouse.indicators;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;

/**
 * What {@code /api/series} asks: one indicator for some regions (each rolls up its subtree), over
 * a span of years at one grain, in one boundary mode. Missing years default to the span that has
 * figures.
 *
 * <p>A request naming both years is checked against {@link CostLimits#checkSeries} here, before
 * any query; one with an open end once its span is known.
 *
 * @param regions GSO codes (or {@code VN}), distinct, at most {@value #MAX_REGIONS}
 * @param trend whether each series carries its linear trend and growth rate
 * @param perCapita whether each point carries its region's population and the value per 10,000
 *     inhabitants (population as the {@code population} table states it for the code and year)
 */
public record SeriesRequest(String indicator, List<String> regions, OptionalInt from, OptionalInt to,
    Grain grain, Boundaries boundaries, boolean trend, boolean perCapita) {
  public static final int MAX_REGIONS = CostLimits.MAX_REGIONS;

  public SeriesRequest {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(grain, "grain");
    Objects.requireNonNull(boundaries, "boundaries");
    regions = List.copyOf(regions);
    if (regions.isEmpty()) {
      throw new InvalidParameterException("region", "name at least one region code");
    }
    CostLimits.checkRegionCount("region", regions.size());
    for (String code : regions) {
      checkRegionCode("region", code);
    }
    if (regions.stream().distinct().count() != regions.size()) {
      throw new InvalidParameterException("region", "names a region twice: " + String.join(",", regions));
    }
    checkYear("from", from);
    checkYear("to", to);
    if (from.isPresent() && to.isPresent() && from.getAsInt() > to.getAsInt()) {
      throw new InvalidParameterException("from", "must not be after to (" + from.getAsInt() + " > "
          + to.getAsInt() + ")");
    }
    if (from.isPresent() && to.isPresent()) {
      CostLimits.checkSeries(regions.size(), to.getAsInt() - from.getAsInt() + 1, grain);
    }
  }

  static void checkRegionCode(String parameter, String code) {
    if (!RegionScope.isRegionCode(code)) {
      throw new InvalidParameterException(parameter, "a region code is VN or a 2, 3 or 5 digit GSO "
          + "code, not '" + code + "'");
    }
  }

  static void checkYear(String parameter, OptionalInt year) {
    year.ifPresent(y -> CostLimits.checkYear(parameter, y));
  }
}
