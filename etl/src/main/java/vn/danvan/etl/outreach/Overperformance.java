package vn.danvan.etl.outreach;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.PostAge;

/**
 * CrowdTangle's overperformance score of each post at each {@link PostAge}: its interactions at that age
 * divided by its channel's benchmark, what the channel's previous posts of the same format had at the
 * same age ({@link Benchmark}). Adds {@code benchmark_<age>} (null while the channel has fewer than
 * the minimum earlier posts covered at that age), {@code benchmark_posts_<age>} (how many went into
 * it) and {@code score_<age>} (null without a positive benchmark: nothing to compare with).
 *
 * <p>One pass for every age: the posts are shuffled by channel (platform, channel, format), sorted
 * in publishing order ({@code published_at}, then {@code post_id}), and walked with, per age, the
 * last {@code previous} posts covered at that age. A post not covered at an age is no part of that
 * age's history and gets no benchmark there; a covered post's count that is null counts as one of
 * the {@code previous} but adds no value.
 */
public final class Overperformance {
  /** A post's channel: the platform's page, group or account, and the post's format. */
  private static final String[] CHANNEL = {"platform", "channel", "format"};

  private Overperformance() {}

  /** @param stats {@link PostStats#of} rows */
  public static Dataset<Row> of(Dataset<Row> stats, Benchmark benchmark) {
    StructType in = stats.schema();
    StructType out = in;
    int ages = PostAge.values().length;
    int[] covered = new int[ages];
    int[] value = new int[ages];
    for (PostAge age : PostAge.values()) {
      covered[age.ordinal()] = in.fieldIndex(age.column("covered"));
      value[age.ordinal()] = in.fieldIndex(age.column("interactions"));
      out = out.add(age.column("benchmark"), DataTypes.DoubleType)
          .add(age.column("benchmark_posts"), DataTypes.IntegerType)
          .add(age.column("score"), DataTypes.DoubleType);
    }
    int[] channel = Arrays.stream(CHANNEL).mapToInt(in::fieldIndex).toArray();
    Column[] byChannel = Arrays.stream(CHANNEL).map(c -> col(c)).toArray(Column[]::new);
    Column[] inOrder = Stream.concat(Arrays.stream(byChannel), Stream.of(col("published_at"), col("post_id")))
        .toArray(Column[]::new);
    MapPartitionsFunction<Row, Row> walk = rows -> new Walk(rows, benchmark, channel, covered, value);
    return stats.repartition(byChannel).sortWithinPartitions(inOrder).mapPartitions(walk, Encoders.row(out));
  }

  /** The posts of one partition, channel after channel in publishing order, each with its scores. */
  private static final class Walk implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final Benchmark benchmark;
    private final int[] channel;
    private final int[] covered;
    private final int[] value;
    /** Per age, the counts of the channel's last {@code previous} covered posts. */
    private final List<Ring> history = new ArrayList<>();
    private Row last;

    Walk(Iterator<Row> rows, Benchmark benchmark, int[] channel, int[] covered, int[] value) {
      this.rows = rows;
      this.benchmark = benchmark;
      this.channel = channel;
      this.covered = covered;
      this.value = value;
      for (int i = 0; i < covered.length; i++) {
        history.add(new Ring(benchmark.previous()));
      }
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public Row next() {
      Row r = rows.next();
      if (last == null || !sameChannel(last, r)) {
        history.forEach(Ring::clear);
      }
      last = r;
      Object[] out = new Object[r.length() + 3 * covered.length];
      for (int i = 0; i < r.length(); i++) {
        out[i] = r.get(i);
      }
      for (int age = 0; age < covered.length; age++) {
        if (r.isNullAt(covered[age]) || !r.getBoolean(covered[age])) {
          continue;
        }
        Ring h = history.get(age);
        Double v = r.isNullAt(value[age]) ? null : r.getDouble(value[age]);
        int n = h.count();
        Double bench = n >= benchmark.minimum() ? statistic(h.sorted(), n) : null;
        int at = r.length() + 3 * age;
        out[at] = bench;
        out[at + 1] = n;
        out[at + 2] = bench != null && bench > 0 && v != null ? v / bench : null;
        h.add(v);
      }
      return RowFactory.create(out);
    }

    /** The benchmark of the {@code n} sorted counts, summed in ascending order. */
    private double statistic(double[] sorted, int n) {
      if (benchmark.statistic() == Benchmark.Statistic.MEDIAN) {
        double middle = (n + 1) / 2.0;
        return (sorted[(int) Math.floor(middle) - 1] + sorted[(int) Math.ceil(middle) - 1]) / 2.0;
      }
      int k = (int) Math.floor(n * benchmark.trim());
      double sum = 0.0;
      for (int i = k; i < n - k; i++) {
        sum += sorted[i];
      }
      return sum / (n - 2 * k);
    }

    /**
     * The last {@code capacity} counts added, a null one taking its place without a value; its
     * non-null counts also kept in ascending order, updated as each count comes and the oldest
     * goes (sorting them afresh for every post and age was 37 % of the walk's stage at scale 20).
     */
    private static final class Ring {
      private final double[] values;
      private final boolean[] present;
      private final double[] sorted;
      private int next;
      private int size;
      private int count;

      Ring(int capacity) {
        values = new double[capacity];
        present = new boolean[capacity];
        sorted = new double[capacity];
      }

      void clear() {
        next = 0;
        size = 0;
        count = 0;
      }

      void add(Double v) {
        if (size == values.length && present[next]) {
          // the oldest count leaves: any equal entry of the sorted ones is the same value
          int at = Arrays.binarySearch(sorted, 0, count, values[next]);
          System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
          count--;
        }
        present[next] = v != null;
        values[next] = v == null ? 0 : v;
        if (v != null) {
          int at = Arrays.binarySearch(sorted, 0, count, v);
          at = at < 0 ? -at - 1 : at;
          System.arraycopy(sorted, at, sorted, at + 1, count - at);
          sorted[at] = v;
          count++;
        }
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
      }

      /** How many of the counts are not null. */
      int count() {
        return count;
      }

      /** The non-null counts in ascending order, in the first {@link #count()} places. */
      double[] sorted() {
        return sorted;
      }
    }

    private boolean sameChannel(Row a, Row b) {
      for (int i : channel) {
        if (!Objects.equals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
