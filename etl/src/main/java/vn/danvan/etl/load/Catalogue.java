package vn.danvan.etl.load;

import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;

/**
 * The indicator codes of the catalogue the jar ships; report values and targets must use one.
 * External indicators are left out: only {@code danvan external import} brings their values in.
 */
final class Catalogue {
  private Catalogue() {}

  static Set<String> indicatorCodes() {
    return IndicatorCatalogue.load().all().stream().filter(i -> !i.isExternal()).map(Indicator::code)
        .collect(Collectors.toUnmodifiableSet());
  }
}
