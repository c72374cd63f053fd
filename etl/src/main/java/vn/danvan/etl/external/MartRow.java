package vn.danvan.etl.external;

import java.util.Objects;
import vn.danvan.contract.Boundaries;

/**
 * One row of {@code external_indicator_values}, in the shape of the {@code indicator_values} mart
 * (docs/marts.md): year grain, province level, source {@value #SOURCE}.
 */
record MartRow(String indicator, String boundaries, String regionCode, int year, double value,
    boolean exact, String method) {
  static final String SOURCE = "external";
  static final String LEVEL = "province";
  static final String GRAIN = "year";
  static final String REPORTED = Boundaries.REPORTED.code();
  static final String RESTATED = Boundaries.RESTATED_2025.code();

  MartRow {
    Objects.requireNonNull(indicator, "indicator");
    if (!boundaries.equals(REPORTED) && !boundaries.equals(RESTATED)) {
      throw new IllegalArgumentException("boundaries must be reported or 2025, not " + boundaries);
    }
    Objects.requireNonNull(regionCode, "regionCode");
    if (exact != (method == null)) {
      throw new IllegalArgumentException("a restated value names its method, an exact one none");
    }
  }
}
