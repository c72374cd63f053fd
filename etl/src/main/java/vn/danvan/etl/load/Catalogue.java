package vn.danvan.etl.load;

import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;

/** The indicator codes of the catalogue the jar ships; report values and targets must use one. */
final class Catalogue {
  private Catalogue() {}

  static Set<String> indicatorCodes() {
    return IndicatorCatalogue.load().all().stream().map(Indicator::code)
        .collect(Collectors.toUnmodifiableSet());
  }
}
