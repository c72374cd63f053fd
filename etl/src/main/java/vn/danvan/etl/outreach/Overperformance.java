package vn.danvan.etl.outreach;

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

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.danvan.contract.PostAge;

/**
 * CrowdTangle's overperformance score of each post at each {@link PostAge}: its interactions at that age
 * divided by its channel's benchmark, what the channel's previous posts of the same format had at the
 * same age ({@link Benchmark}). Adds {@code benchmark_<age>} (null while the channel has fewer than
 * the minimum earlier posts covered at that age), {@code benchmark_posts_<age>} (how many went into
 * it) and {@code score_<age>} (null without a positive benchmark: nothing to compare with).
 */
public final class Overperformance {
  private Overperformance() {}

  /** @param stats {@link PostStats#of} rows */
  public static Dataset<Row> of(Dataset<Row> stats, Benchmark benchmark) {
    Dataset<Row> out = stats;
    for (PostAge age : PostAge.values()) {
      out = out.join(scores(stats, age, benchmark), "post_id", "left");
    }
    return out;
  }

  private static Dataset<Row> scores(Dataset<Row> stats, PostAge age, Benchmark b) {
    Column value = col(age.column("interactions"));
    // a post's channel: the platform's page, group or account; posts in publishing order
    WindowSpec previous = Window.partitionBy(col("platform"), col("channel"), col("format"))
        .orderBy(col("published_at"), col("post_id")).rowsBetween(-b.previous(), -1);
    Column history = array_sort(collect_list(value).over(previous));
    Dataset<Row> h = stats.where(col(age.column("covered"))).select(col("post_id"), value.as("v"),
        history.as("h"));
    Column n = size(col("h"));
    Column statistic;
    if (b.statistic() == Benchmark.Statistic.MEDIAN) {
      Column middle = n.plus(1).divide(2.0);
      statistic = element_at(col("h"), floor(middle).cast("int"))
          .plus(element_at(col("h"), ceil(middle).cast("int"))).divide(2.0);
    } else {
      Column k = floor(n.multiply(b.trim())).cast("int");
      Column kept = slice(col("h"), k.plus(1), n.minus(k.multiply(2)));
      statistic = aggregate(kept, lit(0.0), (acc, x) -> acc.plus(x)).divide(size(kept));
    }
    Column bench = when(n.geq(b.minimum()), statistic);
    return h.select(col("post_id"), bench.as(age.column("benchmark")),
            n.as(age.column("benchmark_posts")), col("v"))
        .withColumn(age.column("score"), when(col(age.column("benchmark")).gt(0),
            col("v").divide(col(age.column("benchmark")))))
        .drop("v");
  }
}
