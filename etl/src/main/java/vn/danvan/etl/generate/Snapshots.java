package vn.danvan.etl.generate;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import vn.danvan.contract.Table;

/**
 * {@code post_metrics}: one to four snapshots of a post's public counts, cumulative, the last one
 * within a month of publication. Calibrated on Lâm Hà's LL47 team (3,382 posts: 86,261 reactions,
 * 1,206 shares, 1,661 comments): the latest snapshot gives about 25 reactions, 0.36 shares and 0.5
 * comments per post, with the skew of real posts (most get little, a few get much). About 3 % of
 * posts with several snapshots have a last one lower than the one before (reactions withdrawn):
 * the loader keeps and flags those. With the {@link GenerateConfig.Cadence#HOURLY} cadence the same
 * totals are reached along a growth curve (most of it in the first hours), snapshotted every hour
 * for a day and then daily to day 30; about 3 % of posts lose a few reactions at one snapshot.
 */
final class Snapshots {
  static final Table M = Table.POST_METRICS;
  private static final double[] COUNTS = Rng.cumulative(30, 30, 25, 15);
  /** exp(-sigma^2 / 2): makes the popularity factor average 1. */
  private static final double SIGMA = 1.0;
  private static final double MEAN_ONE = Math.exp(-SIGMA * SIGMA / 2);

  /** Hourly for the first day, then daily from day 2 to day 30. */
  private static final int HOURLY = 24 + 29;

  private final Plan plan;
  private final GenerateConfig.Cadence cadence;
  private final String[] row = new String[6];
  private final long[] minutes = new long[HOURLY];
  private final long[][] counts = new long[HOURLY][4];

  Snapshots(Plan plan, GenerateConfig.Cadence cadence) {
    this.plan = plan;
    this.cadence = cadence;
  }

  /** Snapshots per post on average. */
  static double perPost(GenerateConfig.Cadence cadence) {
    return cadence == GenerateConfig.Cadence.HOURLY ? HOURLY : 2.25;
  }

  static Plan plan() {
    return new Plan(M, List.of(Ways.malformed(), Ways.missing(M, "shares", "comments", "reactions"),
        Ways.badType(M, "shares", "reactions"), Ways.timestampOutOfRange(M, "observed_at", null),
        Ways.negative(M, "shares", "comments", "reactions"), Ways.unknownPost(M, "post_id"),
        Ways.duplicate()));
  }

  /** Writes the snapshots of one post published at local seconds {@code published}. */
  void write(TaskOut out, RowSink sink, String postId, long published, boolean video) throws IOException {
    SplittableRandom rnd = out.rnd;
    int n = 1 + Rng.pick(rnd, COUNTS);
    double popularity = Rng.lognormal(rnd, MEAN_ONE, SIGMA);
    long reactions = Rng.poisson(rnd, 25 * popularity);
    long shares = Rng.poisson(rnd, 0.36 * popularity);
    long comments = Rng.poisson(rnd, 0.5 * popularity);
    long views = video ? Math.round(reactions * Rng.lognormal(rnd, 30, 0.5)) + Rng.between(rnd, 5, 60) : -1;
    if (cadence == GenerateConfig.Cadence.HOURLY) {
      writeHourly(out, sink, postId, published, new long[] {shares, comments, reactions, views});
      return;
    }
    // Distinct minutes after publication, the last one 3 to 30 days later.
    long last = Rng.between(rnd, 3 * 1440, 30 * 1440);
    for (int i = 0; i < n - 1; i++) {
      minutes[i] = Rng.between(rnd, 60, (int) last - 1);
    }
    minutes[n - 1] = last;
    Arrays.sort(minutes, 0, n - 1);
    for (int i = 1; i < n; i++) {
      if (minutes[i] <= minutes[i - 1]) {
        minutes[i] = minutes[i - 1] + 1;
      }
    }
    double fraction = 0;
    for (int i = 0; i < n; i++) {
      fraction = i == n - 1 ? 1 : Math.max(fraction, 0.3 + 0.65 * rnd.nextDouble());
      counts[i][0] = (long) Math.floor(shares * fraction);
      counts[i][1] = (long) Math.floor(comments * fraction);
      counts[i][2] = (long) Math.floor(reactions * fraction);
      counts[i][3] = views < 0 ? -1 : (long) Math.floor(views * fraction);
    }
    if (n >= 2 && reactions >= 3 && Rng.chance(rnd, 0.03)) {
      // The one before the last saw a few reactions that were withdrawn later.
      counts[n - 2][2] = reactions + Rng.between(rnd, 1, 3);
    }
    emit(out, sink, postId, published, n);
  }

  /**
   * Counts along 1 - exp(-t / tau), tau around 8 hours, scaled to reach the totals at day 30; a
   * withdrawal makes one snapshot a few reactions lower than the one before.
   */
  private void writeHourly(TaskOut out, RowSink sink, String postId, long published, long[] totals)
      throws IOException {
    SplittableRandom rnd = out.rnd;
    double tau = Rng.lognormal(rnd, 8 * 60, 0.6);
    double end = 1 - Math.exp(-30 * 1440 / tau);
    for (int i = 0; i < HOURLY; i++) {
      minutes[i] = i < 24 ? 60L * (i + 1) : 1440L * (i - 22);
      double fraction = i == HOURLY - 1 ? 1 : (1 - Math.exp(-minutes[i] / tau)) / end;
      for (int c = 0; c < 4; c++) {
        counts[i][c] = totals[c] < 0 ? -1 : (long) Math.floor(totals[c] * fraction);
      }
    }
    if (totals[2] >= 3 && Rng.chance(rnd, 0.03)) {
      int i = 1 + rnd.nextInt(HOURLY - 2);
      counts[i][2] = Math.max(0, counts[i - 1][2] - Rng.between(rnd, 1, 3));
    }
    emit(out, sink, postId, published, HOURLY);
  }

  private void emit(TaskOut out, RowSink sink, String postId, long published, int n) throws IOException {
    SplittableRandom rnd = out.rnd;
    for (int i = 0; i < n; i++) {
      row[0] = postId;
      row[1] = Dates.timestamp(published + minutes[i] * 60, Rng.chance(rnd, 0.9) ? Dates.LOCAL_OFFSET_MINUTES : 0);
      row[2] = Long.toString(counts[i][0]);
      row[3] = Long.toString(counts[i][1]);
      row[4] = Long.toString(counts[i][2]);
      row[5] = counts[i][3] < 0 ? "" : Long.toString(counts[i][3]);
      out.emit(plan, sink, row, null);
    }
  }
}
