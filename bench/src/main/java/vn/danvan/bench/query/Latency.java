package vn.danvan.bench.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The latencies of one side of one query kind, summarised as the issue states its goals: p50, p95
 * and the worst run, in milliseconds.
 *
 * <p>Percentiles use the nearest-rank definition (the smallest sample with at least p % of the
 * samples at or below it), so every figure is a time that was really measured, never an
 * interpolation between two runs.
 */
public record Latency(int runs, double p50Millis, double p95Millis, double maxMillis) {
  public Latency {
    if (runs < 1) {
      throw new IllegalArgumentException("a latency summary needs at least one run, not " + runs);
    }
    if (!(p50Millis <= p95Millis && p95Millis <= maxMillis)) {
      throw new IllegalArgumentException("need p50 <= p95 <= max, not " + p50Millis + ", "
          + p95Millis + ", " + maxMillis);
    }
  }

  /** The summary of these run times in nanoseconds (any order; the array is not changed). */
  public static Latency ofNanos(long[] nanos) {
    Objects.requireNonNull(nanos, "nanos");
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no run times to summarise");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(sorted.length, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 95)),
        millis(sorted[sorted.length - 1]));
  }

  /** The nearest-rank {@code percent}-th percentile of ascending {@code sorted}: rank ⌈p·n/100⌉. */
  public static long nearestRank(long[] sorted, int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percentile must be 1..100, not " + percent);
    }
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    int rank = (int) ((percent * (long) sorted.length + 99) / 100);
    return sorted[rank - 1];
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)",
        p50Millis, p95Millis, maxMillis, runs);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
