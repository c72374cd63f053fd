package vn.danvan.warehouse.indicators;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * Which units a figure is shown for. Vietnam merged 63 provinces into 34 and abolished districts on
 * 2025-07-01; a series either keeps the units as they were reported or is restated onto the 2025
 * units through the lineage, and the two are never mixed (docs/marts.md).
 */
public enum Boundaries {
  /** The units as they existed when the figures were reported. */
  REPORTED("reported"),
  /** Restated onto the 34 provinces and 3,321 communes in force from 2025-07-01. */
  RESTATED_2025("2025");

  /** The day the new units took over. */
  public static final String CHANGE_DATE = "2025-07-01";

  private final String code;

  Boundaries(String code) {
    this.code = code;
  }

  /** The value of the mart's {@code boundaries} column and of the API's parameter. */
  public String code() {
    return code;
  }

  /** Whether this mode has units of {@code level} at all (districts ended with the reform). */
  public boolean has(Level level) {
    return this == REPORTED || level != Level.DISTRICT;
  }

  /** @throws InvalidParameterException naming {@code parameter} for anything but the two codes */
  public static Boundaries parse(String parameter, String text) {
    for (Boundaries b : values()) {
      if (b.code.equals(text)) {
        return b;
      }
    }
    throw new InvalidParameterException(parameter, "must be one of "
        + Arrays.stream(values()).map(Boundaries::code).collect(Collectors.joining(", "))
        + ", not '" + text + "'");
  }
}
