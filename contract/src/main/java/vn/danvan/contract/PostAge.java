package vn.danvan.contract;

/**
 * The fixed ages after publishing at which a post's counts are compared (CrowdTangle compared
 * posts at the same age, since counts keep growing for days). Each names the columns of
 * {@code post_stats} with its code as suffix, e.g. {@code interactions_24h}, and is the API's
 * {@code age} value.
 */
public enum PostAge implements Coded {
  H1("1h", 1),
  H24("24h", 24),
  D7("7d", 7 * 24);

  private final String code;
  private final int hours;

  PostAge(String code, int hours) {
    this.code = code;
    this.hours = hours;
  }

  @Override
  public String code() {
    return code;
  }

  public int hours() {
    return hours;
  }

  public long seconds() {
    return hours * 3_600L;
  }

  /** {@code base_code}, e.g. {@code column("score")} of {@link #H24} is {@code score_24h}. */
  public String column(String base) {
    return base + "_" + code;
  }
}
