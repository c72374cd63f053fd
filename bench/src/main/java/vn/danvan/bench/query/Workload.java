package vn.danvan.bench.query;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of every timed read, the same for each engine. Run {@code i} uses the
 * {@code i}-th indicator and activity type in rotation, so that no engine answers the same question
 * twice in a row from a result cache.
 *
 * @param boundaries the boundary mode the dashboard shows by default ({@code 2025})
 * @param fromYear first year of a series, {@code toYear} the last
 * @param mapYear the year a map shows
 * @param mapLevel the level a map shows ({@code commune})
 * @param regions the regions a series compares (the 34 provinces)
 */
record Workload(String boundaries, int fromYear, int toYear, int mapYear, String mapLevel,
    List<String> regions, List<String> indicators, List<String> activityTypes) {
  static final String GRAIN = "year";

  Workload {
    Objects.requireNonNull(boundaries, "boundaries");
    Objects.requireNonNull(mapLevel, "mapLevel");
    if (fromYear > toYear) {
      throw new IllegalArgumentException("series years run backwards: " + fromYear + ".." + toYear);
    }
    regions = nonEmpty(regions, "regions of the series");
    indicators = nonEmpty(indicators, "indicators with figures");
    activityTypes = nonEmpty(activityTypes, "activity types");
  }

  String indicator(int run) {
    return indicators.get(Math.floorMod(run, indicators.size()));
  }

  String activityType(int run) {
    return activityTypes.get(Math.floorMod(run, activityTypes.size()));
  }

  /** The series' regions as one comma-separated parameter, as the API takes them. */
  String regionList() {
    return String.join(",", regions);
  }

  private static List<String> nonEmpty(List<String> values, String what) {
    Objects.requireNonNull(values, what);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("the lake has no " + what + " to benchmark with");
    }
    return List.copyOf(values);
  }
}
