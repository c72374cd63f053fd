package vn.danvan.etl.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.PostAge;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.etl.outreach.Benchmark.Statistic;

/**
 * Overperformance scores on a small channel history, the benchmark worked out by hand. Channel A's
 * image posts at 24 h, in publishing order: P1 10, P2 0, P3 30, P4 20, (P4X not covered at 24 h),
 * P5 100, P6 40, P7 5; its video P8 1,000 and channel B's image post Q9 7 are other histories.
 * Channel C's images: C1 0, C2 0, C3 5 (a benchmark of 0).
 */
class OverperformanceTest {
  static SparkSession spark;
  static Dataset<Row> stats;

  @BeforeAll
  static void frame() {
    spark = TestSpark.start("overperformance-test");
    StructType schema = new StructType().add("post_id", DataTypes.StringType)
        .add("platform", DataTypes.StringType).add("channel", DataTypes.StringType)
        .add("format", DataTypes.StringType).add("published_at", DataTypes.TimestampType);
    for (PostAge a : PostAge.values()) {
      schema = schema.add(a.column("covered"), DataTypes.BooleanType).add(a.column("interactions"), DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    Object[][] posts = {{"P1", "A", "image", 10.0}, {"P2", "A", "image", 0.0}, {"P3", "A", "image", 30.0},
        {"P4", "A", "image", 20.0}, {"P4X", "A", "image", null}, {"P5", "A", "image", 100.0},
        {"P6", "A", "image", 40.0}, {"P7", "A", "image", 5.0}, {"P8", "A", "video", 1000.0},
        {"Q9", "B", "image", 7.0}, {"C1", "C", "image", 0.0}, {"C2", "C", "image", 0.0}, {"C3", "C", "image", 5.0}};
    for (int i = 0; i < posts.length; i++) {
      Object v = posts[i][3];
      rows.add(RowFactory.create(posts[i][0], "facebook", posts[i][1], posts[i][2],
          new Timestamp(1_557_367_200_000L + i * 3_600_000L), false, null, v != null, v, false, null));
    }
    stats = spark.createDataFrame(rows, schema);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Map<String, Row> scores(Benchmark b) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : Overperformance.of(stats, b).collectAsList()) {
      out.put(r.getAs("post_id"), r);
    }
    return out;
  }

  private static Double d(Row r, String column) {
    return r.isNullAt(r.fieldIndex(column)) ? null : r.getAs(column);
  }

  @Test
  void trimmed_mean_of_the_previous_four_posts_drops_one_at_each_end() {
    Map<String, Row> s = scores(new Benchmark(4, 0.25, Statistic.TRIMMED_MEAN, 2));
    // P1: no earlier post; P2: one (10), below the minimum of 2
    assertThat(d(s.get("P1"), "benchmark_24h")).isNull();
    assertThat(s.get("P2").<Integer>getAs("benchmark_posts_24h")).isEqualTo(1);
    assertThat(d(s.get("P2"), "score_24h")).isNull();
    // P3: [0, 10], floor(2 x 0.25) = 0 dropped: mean 5, score 30 / 5 = 6
    assertThat(d(s.get("P3"), "benchmark_24h")).isCloseTo(5.0, within(1e-9));
    assertThat(d(s.get("P3"), "score_24h")).isCloseTo(6.0, within(1e-9));
    // P4: [0, 10, 30], none dropped: 40 / 3; score 20 / (40 / 3) = 1.5
    assertThat(d(s.get("P4"), "score_24h")).isCloseTo(1.5, within(1e-9));
    // P5: [0, 10, 20, 30] (P4X has no 24 h count, so it is no part of anyone's history),
    // one dropped at each end: (10 + 20) / 2 = 15; score 100 / 15
    assertThat(s.get("P5").<Integer>getAs("benchmark_posts_24h")).isEqualTo(4);
    assertThat(d(s.get("P5"), "benchmark_24h")).isCloseTo(15.0, within(1e-9));
    assertThat(d(s.get("P5"), "score_24h")).isCloseTo(100.0 / 15, within(1e-9));
    // P6: previous four P2..P5 = [0, 20, 30, 100] -> (20 + 30) / 2 = 25; 40 / 25 = 1.6
    assertThat(d(s.get("P6"), "score_24h")).isCloseTo(1.6, within(1e-9));
    // P7: P3..P6 = [20, 30, 40, 100] -> 35; 5 / 35
    assertThat(d(s.get("P7"), "benchmark_24h")).isCloseTo(35.0, within(1e-9));
    assertThat(d(s.get("P7"), "score_24h")).isCloseTo(5.0 / 35, within(1e-9));
    // the video and the other channel's post have no earlier post of their own history
    assertThat(s.get("P8").<Integer>getAs("benchmark_posts_24h")).isZero();
    assertThat(s.get("Q9").<Integer>getAs("benchmark_posts_24h")).isZero();
    // a post without a 24 h count gets no score; no age but 24 h is covered here
    assertThat(d(s.get("P4X"), "score_24h")).isNull();
    assertThat(d(s.get("P5"), "score_1h")).isNull();
  }

  @Test
  void median_takes_the_middle_or_the_mean_of_the_two_middle_posts() {
    Map<String, Row> s = scores(new Benchmark(4, 0.25, Statistic.MEDIAN, 2));
    // P4: [0, 10, 30] -> 10; 20 / 10 = 2 (the trimmed mean gave 40 / 3)
    assertThat(d(s.get("P4"), "benchmark_24h")).isCloseTo(10.0, within(1e-9));
    assertThat(d(s.get("P4"), "score_24h")).isCloseTo(2.0, within(1e-9));
    // P6: [0, 20, 30, 100] -> (20 + 30) / 2 = 25
    assertThat(d(s.get("P6"), "benchmark_24h")).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void crowdtangle_setting_needs_ten_earlier_posts() {
    Map<String, Row> s = scores(Benchmark.CROWDTANGLE);
    // P7 has six earlier covered posts of its channel and format: fewer than 10
    assertThat(s.get("P7").<Integer>getAs("benchmark_posts_24h")).isEqualTo(6);
    assertThat(d(s.get("P7"), "benchmark_24h")).isNull();
  }

  @Test
  void a_benchmark_of_zero_gives_no_score() {
    Map<String, Row> s = scores(new Benchmark(4, 0.25, Statistic.TRIMMED_MEAN, 2));
    // C3: [0, 0] -> 0: nothing to divide by
    assertThat(d(s.get("C3"), "benchmark_24h")).isEqualTo(0.0);
    assertThat(d(s.get("C3"), "score_24h")).isNull();
  }

  /**
   * The definition, as Spark's windows state it: per age, the posts covered at that age, each with
   * the counts of its channel's previous ones (rows, in publishing order), joined back to every
   * post. The one-pass walk must give exactly these rows, to the last bit of every double.
   */
  static Dataset<Row> windowed(Dataset<Row> stats, Benchmark b) {
    Dataset<Row> out = stats;
    for (PostAge age : PostAge.values()) {
      Column value = col(age.column("interactions"));
      WindowSpec previous = Window.partitionBy(col("platform"), col("channel"), col("format"))
          .orderBy(col("published_at"), col("post_id")).rowsBetween(-b.previous(), -1);
      Dataset<Row> h = stats.where(col(age.column("covered"))).select(col("post_id"), value.as("v"),
          array_sort(collect_list(value).over(previous)).as("h"));
      Column n = size(col("h"));
      Column statistic;
      if (b.statistic() == Statistic.MEDIAN) {
        Column middle = n.plus(1).divide(2.0);
        statistic = element_at(col("h"), floor(middle).cast("int"))
            .plus(element_at(col("h"), ceil(middle).cast("int"))).divide(2.0);
      } else {
        Column k = floor(n.multiply(b.trim())).cast("int");
        Column kept = slice(col("h"), k.plus(1), n.minus(k.multiply(2)));
        statistic = aggregate(kept, lit(0.0), (acc, x) -> acc.plus(x)).divide(size(kept));
      }
      Dataset<Row> scores = h.select(col("post_id"), when(n.geq(b.minimum()), statistic).as(age.column("benchmark")),
              n.as(age.column("benchmark_posts")), col("v"))
          .withColumn(age.column("score"), when(col(age.column("benchmark")).gt(0),
              col("v").divide(col(age.column("benchmark")))))
          .drop("v");
      out = out.join(scores, "post_id", "left");
    }
    return out;
  }

  /**
   * 700 posts in 12 histories (two platforms, three channels, two formats), published at times
   * that often tie (so the post id orders them), covered or not (or unknown) at each age, their
   * counts small integers that repeat, some null; four benchmarks, from one previous post to
   * CrowdTangle's hundred.
   */
  @Test
  void the_one_pass_walk_gives_exactly_what_the_windows_define() {
    StructType schema = stats.schema();
    SplittableRandom random = new SplittableRandom(20);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      List<Object> r = new ArrayList<>(List.of(String.format("R%04d", random.nextInt(10_000)) + "-" + i,
          random.nextBoolean() ? "facebook" : "zalo", "K" + random.nextInt(3), random.nextBoolean() ? "image" : "video",
          new Timestamp(1_557_367_200_000L + random.nextInt(200) * 3_600_000L)));
      for (int a = 0; a < PostAge.values().length; a++) {
        int c = random.nextInt(10);
        r.add(c == 0 ? null : c > 2);
        r.add(random.nextInt(12) == 0 ? null : (double) random.nextInt(40));
      }
      rows.add(RowFactory.create(r.toArray()));
    }
    Dataset<Row> random700 = spark.createDataFrame(rows, schema);
    for (Benchmark b : List.of(new Benchmark(1, 0.0, Statistic.TRIMMED_MEAN, 1),
        new Benchmark(7, 0.2, Statistic.TRIMMED_MEAN, 3), new Benchmark(6, 0.25, Statistic.MEDIAN, 1),
        Benchmark.CROWDTANGLE)) {
      Dataset<Row> expected = windowed(random700, b);
      Dataset<Row> actual = Overperformance.of(random700, b);
      assertThat(actual.schema().fieldNames()).as("%s", b).containsExactly(expected.schema().fieldNames());
      assertThat(actual.schema().fields()).extracting(f -> f.dataType())
          .containsExactlyElementsOf(List.of(expected.schema().fields()).stream().map(f -> f.dataType()).toList());
      Map<Object, Row> want = new HashMap<>();
      expected.collectAsList().forEach(r -> want.put(r.get(0), r));
      Map<Object, Row> got = new HashMap<>();
      actual.collectAsList().forEach(r -> got.put(r.get(0), r));
      assertThat(got).as("%s", b).hasSize(700).isEqualTo(want);
      assertThat(got.values().stream().filter(r -> !r.isNullAt(r.fieldIndex("score_24h"))).count())
          .as("posts scored at 24 h with %s", b).isGreaterThan(b.minimum() == 10 ? 100 : 300);
    }
  }
}
