package vn.danvan.warehouse.outreach;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * What outreach aggregates are broken down by: a column of {@code post_stats}, or the region (at a
 * level, in a boundary mode). The SQL picks the column by this code from a fixed {@code CASE}, so
 * no identifier ever comes from request text.
 */
public enum Dimension {
  PLATFORM, TOPIC, FORMAT, UNIT, TEAM, CHANNEL, REGION;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidParameterException naming {@code parameter} for anything else */
  public static Dimension parse(String parameter, String text) {
    for (Dimension d : values()) {
      if (d.code().equals(text)) {
        return d;
      }
    }
    throw new InvalidParameterException(parameter, "must be one of "
        + Arrays.stream(values()).map(Dimension::code).collect(Collectors.joining(", ")) + ", not '" + text + "'");
  }
}
