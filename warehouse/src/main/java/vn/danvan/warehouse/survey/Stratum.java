package vn.danvan.warehouse.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.danvan.warehouse.query.InvalidParameterException;

/** The stratum dimension of survey cells (the mart's {@code by} column): the allow-list of {@code by=}. */
public enum Stratum {
  TOTAL, AGE_GROUP, SEX, RESIDENCE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidParameterException naming {@code parameter} for anything else */
  public static Stratum parse(String parameter, String text) {
    for (Stratum s : values()) {
      if (s.code().equals(text)) {
        return s;
      }
    }
    throw new InvalidParameterException(parameter, "must be one of "
        + Arrays.stream(values()).map(Stratum::code).collect(Collectors.joining(", ")) + ", not '" + text + "'");
  }
}
