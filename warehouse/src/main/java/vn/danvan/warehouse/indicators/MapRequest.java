package vn.danvan.warehouse.indicators;

import java.util.Objects;
import java.util.OptionalInt;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.query.InvalidParameterException;

/** What {@code /api/map} asks: one indicator for every region of a level in one year. */
public record MapRequest(String indicator, int year, Level level, Boundaries boundaries) {
  public MapRequest {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(boundaries, "boundaries");
    SeriesRequest.checkYear("year", OptionalInt.of(year));
    if (level == Level.NATION) {
      throw new InvalidParameterException("level", "a map shows provinces, districts or communes");
    }
    if (!boundaries.has(level)) {
      throw new InvalidParameterException("level", "boundaries=" + boundaries.code() + " has no "
          + level.code() + " level (districts were abolished on " + Boundaries.REFORM
          + "); use boundaries=" + Boundaries.REPORTED.code());
    }
  }
}
