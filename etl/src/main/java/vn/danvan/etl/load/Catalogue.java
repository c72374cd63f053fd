package vn.danvan.etl.load;

import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.checks.Indicators;

/** The catalogue the jar ships, as the row checks take it ({@link IndicatorCatalogue#forRowChecks()}). */
final class Catalogue {
  private Catalogue() {}

  static Indicators indicators() {
    return IndicatorCatalogue.load().forRowChecks();
  }
}
