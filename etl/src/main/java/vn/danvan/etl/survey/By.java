package vn.danvan.etl.survey;

import java.util.Locale;

/** The stratum dimension of a cell: none (the region's total) or one of the response's strata. */
public enum By {
  TOTAL, AGE_GROUP, SEX, RESIDENCE;

  /** The stratum of respondents who did not give the dimension: a cell like any other. */
  public static final String UNKNOWN = "unknown";

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
