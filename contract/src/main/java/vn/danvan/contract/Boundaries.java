package vn.danvan.contract;

import java.time.LocalDate;

/**
 * Which units a figure is shown for. Vietnam merged 63 provinces into 34 and abolished districts on
 * {@link #REFORM}; a series either keeps the units as they were reported or is restated onto the
 * 2025 units through the lineage, and the two are never mixed (docs/marts.md). The code is the
 * marts' {@code boundaries} column and the API's {@code boundaries} parameter.
 */
public enum Boundaries implements Coded {
  /** The units as they existed when the figures were reported. */
  REPORTED("reported"),
  /** Restated onto the 34 provinces and 3,321 communes in force from {@link #REFORM}. */
  RESTATED_2025("2025");

  /** The day the new units took over (Resolution 202/2025/QH15): records from it use 2025 codes. */
  public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  private final String code;

  Boundaries(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether this mode has units of {@code level} at all (districts ended with the reform). */
  public boolean has(Level level) {
    return this == REPORTED || level != Level.DISTRICT;
  }
}
