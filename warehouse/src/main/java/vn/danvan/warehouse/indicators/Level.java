package vn.danvan.warehouse.indicators;

import java.util.Locale;
import vn.danvan.warehouse.query.InvalidParameterException;

/** A level of the region tree, as the mart's {@code level} column names it. */
public enum Level {
  NATION,
  PROVINCE,
  DISTRICT,
  COMMUNE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidParameterException naming {@code parameter} when not one of {@code choices} */
  public static Level parse(String parameter, String text, Level... choices) {
    for (Level level : choices) {
      if (level.code().equals(text)) {
        return level;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Level level : choices) {
      names.append(names.isEmpty() ? "" : ", ").append(level.code());
    }
    throw new InvalidParameterException(parameter, "must be one of " + names + ", not '" + text + "'");
  }
}
