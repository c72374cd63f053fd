package vn.danvan.etl.outreach;

/**
 * The fixed ages after publishing at which a post's counts are compared (CrowdTangle compared
 * posts at the same age, since counts keep growing for days). Each names the columns of
 * {@code post_stats} with its suffix, e.g. {@code interactions_24h}.
 */
public enum Age {
  H1("1h", 3_600),
  H24("24h", 86_400),
  D7("7d", 7 * 86_400);

  private final String suffix;
  private final long seconds;

  Age(String suffix, long seconds) {
    this.suffix = suffix;
    this.seconds = seconds;
  }

  /** The column suffix and the API's {@code age} value: {@code 1h}, {@code 24h}, {@code 7d}. */
  public String suffix() {
    return suffix;
  }

  public long seconds() {
    return seconds;
  }

  /** {@code base_suffix}, e.g. {@code column("score")} of {@link #H24} is {@code score_24h}. */
  public String column(String base) {
    return base + "_" + suffix;
  }
}
