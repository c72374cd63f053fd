package vn.danvan.contract;

import java.util.Locale;

/**
 * The stratum dimension of a survey cell (the survey mart's {@code by} column and the API's
 * {@code by=}): none (the region's respondents as a whole) or one of the response's strata.
 */
public enum Stratum implements Coded {
  TOTAL, AGE_GROUP, SEX, RESIDENCE;

  /** The stratum of respondents who did not give the dimension: a cell like any other. */
  public static final String UNKNOWN = "unknown";

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
