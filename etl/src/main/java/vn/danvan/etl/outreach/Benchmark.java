package vn.danvan.etl.outreach;

import java.util.Locale;
import java.util.Objects;

/**
 * How a post's expected interactions are computed for its overperformance score, as CrowdTangle did:
 * from the {@code previous} posts of the same channel and format (published before it) that have a
 * count at the same age, either their mean after dropping the {@code trim} share of the lowest and
 * of the highest ({@link Statistic#TRIMMED_MEAN}), or their median. No benchmark (and no score)
 * while fewer than {@code minimum} such posts exist. CrowdTangle's own setting is
 * {@link #CROWDTANGLE}: the previous 100 posts, top and bottom 25 % dropped.
 *
 * @param previous how many earlier posts of the channel and format make the benchmark (1 to 1000)
 * @param trim share dropped at each end, {@code 0 <= trim < 0.5} (ignored for the median)
 * @param minimum fewest earlier posts a benchmark is computed from (1 to {@code previous})
 */
public record Benchmark(int previous, double trim, Statistic statistic, int minimum) implements java.io.Serializable {
  public static final Benchmark CROWDTANGLE = new Benchmark(100, 0.25, Statistic.TRIMMED_MEAN, 10);

  /** The benchmark's statistic. */
  public enum Statistic {
    TRIMMED_MEAN, MEDIAN;

    /** {@code trimmed_mean} or {@code median}, as the load command and the docs spell it. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Statistic parse(String text) {
      for (Statistic s : values()) {
        if (s.code().equals(text)) {
          return s;
        }
      }
      throw new IllegalArgumentException("benchmark statistic must be trimmed_mean or median, not '" + text + "'");
    }
  }

  public Benchmark {
    Objects.requireNonNull(statistic, "statistic");
    if (previous < 1 || previous > 1000) {
      throw new IllegalArgumentException("benchmark posts must be 1 to 1000, not " + previous);
    }
    if (!(trim >= 0 && trim < 0.5)) {
      throw new IllegalArgumentException("benchmark trim must be at least 0 and below 0.5, not " + trim);
    }
    if (minimum < 1 || minimum > previous) {
      throw new IllegalArgumentException("benchmark minimum must be 1 to " + previous + ", not " + minimum);
    }
  }
}
