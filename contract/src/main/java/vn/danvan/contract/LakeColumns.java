package vn.danvan.contract;

/**
 * Lake columns that are not in any landing file: derived by the load from the contract columns,
 * after them in a table's lake order (README.md, "The lake").
 */
public final class LakeColumns {
  private LakeColumns() {}

  /** The partition column of the fact tables (hive-style {@code year=YYYY}, in the path only). */
  public static final String YEAR = "year";
  /** A post's local date in Vietnam ({@code published_at} in Asia/Ho_Chi_Minh). */
  public static final String PUBLISHED_DATE = "published_date";
  /** A metric snapshot's local date in Vietnam. */
  public static final String OBSERVED_DATE = "observed_date";
  /** A metric snapshot lower than an earlier one of the same post: flagged, never subtracted. */
  public static final String DECREASING = "decreasing";
}
