package vn.danvan.etl.outreach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.PostAge;

/**
 * How one post's counts grew, from its snapshots of cumulative public counts: the totals, and the
 * counts at each fixed {@link PostAge}. Counts are cumulative, so a snapshot lower than an earlier one
 * (withdrawn reactions, a deleted comment, a mistake) is kept in the lake and flagged there, but
 * never shrinks what the post reached: every count is read as its running maximum over time.
 *
 * <p>A count at an age is interpolated linearly between the two snapshots around it (of the running
 * maxima). The moment of publishing is a snapshot of zeros, since nothing can react to a post
 * before it exists; so an age is <em>covered</em> when some snapshot was taken at or after it. An
 * age after the last snapshot is not guessed: its counts are absent and {@code covered} is false.
 */
public final class Growth {
  private Growth() {}

  /** One snapshot: when (epoch seconds) and the cumulative counts; {@code views} may be null. */
  public record Snapshot(long observedAt, long shares, long comments, long reactions, Long views) {
    public Snapshot {
      if (shares < 0 || comments < 0 || reactions < 0 || (views != null && views < 0)) {
        throw new IllegalArgumentException("counts are never negative: " + shares + ", " + comments + ", "
            + reactions + ", " + views);
      }
    }
  }

  /** Counts at one age; all null when the age is not covered. */
  public record AtAge(boolean covered, Double shares, Double comments, Double reactions) {
    static final AtAge UNCOVERED = new AtAge(false, null, null, null);

    /** shares + comments + reactions, CrowdTangle's "interactions" (views are not interactions). */
    public Double interactions() {
      return covered ? shares + comments + reactions : null;
    }
  }

  /**
   * @param shares the running maximum at the last snapshot, i.e. the largest ever observed
   * @param views null when no snapshot carried views
   */
  public record Result(int snapshots, long shares, long comments, long reactions, Long views,
      Map<PostAge, AtAge> ages) {
    public Result {
      ages = Map.copyOf(ages);
    }

    public long interactions() {
      return shares + comments + reactions;
    }

    public AtAge at(PostAge age) {
      return ages.get(age);
    }
  }

  /**
   * @param publishedAt epoch seconds
   * @param snapshots in any order (files may hold them out of order); at least one
   */
  public static Result of(long publishedAt, List<Snapshot> snapshots) {
    Objects.requireNonNull(snapshots, "snapshots");
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("a post's growth needs at least one snapshot");
    }
    List<Snapshot> sorted = new ArrayList<>(snapshots);
    sorted.sort(Comparator.comparingLong(Snapshot::observedAt));
    // running maxima, as points t -> counts; publishing is a point of zeros before any snapshot
    List<double[]> points = new ArrayList<>();
    if (sorted.get(0).observedAt() > publishedAt) {
      points.add(new double[] {publishedAt, 0, 0, 0});
    }
    long shares = 0;
    long comments = 0;
    long reactions = 0;
    Long views = null;
    for (Snapshot s : sorted) {
      shares = Math.max(shares, s.shares());
      comments = Math.max(comments, s.comments());
      reactions = Math.max(reactions, s.reactions());
      if (s.views() != null) {
        views = views == null ? s.views() : Math.max(views, s.views());
      }
      points.add(new double[] {s.observedAt(), shares, comments, reactions});
    }
    Map<PostAge, AtAge> ages = new EnumMap<>(PostAge.class);
    for (PostAge age : PostAge.values()) {
      ages.put(age, at(points, publishedAt + age.seconds()));
    }
    return new Result(sorted.size(), shares, comments, reactions, views, ages);
  }

  private static AtAge at(List<double[]> points, long t) {
    double[] first = points.get(0);
    double[] last = points.get(points.size() - 1);
    if (t < first[0] || t > last[0]) {
      return AtAge.UNCOVERED;
    }
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      if (p[0] == t) {
        return new AtAge(true, p[1], p[2], p[3]);
      }
      if (p[0] > t) {
        double[] q = points.get(i - 1);
        double f = (t - q[0]) / (p[0] - q[0]);
        return new AtAge(true, q[1] + f * (p[1] - q[1]), q[2] + f * (p[2] - q[2]), q[3] + f * (p[3] - q[3]));
      }
    }
    throw new AssertionError("t lies within the points");
  }
}
