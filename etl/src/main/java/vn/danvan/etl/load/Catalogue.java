package vn.danvan.etl.load;

import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;

/**
 * The indicator codes of the catalogue the jar ships that report values and targets may use: not
 * the external indicators (only {@code danvan external import} brings their values in), nor the
 * survey series, which only survey questions name.
 */
final class Catalogue {
  private Catalogue() {}

  static Set<String> indicatorCodes() {
    return IndicatorCatalogue.load().landing().stream().map(Indicator::code)
        .collect(Collectors.toUnmodifiableSet());
  }
}
