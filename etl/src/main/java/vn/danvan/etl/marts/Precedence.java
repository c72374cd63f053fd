package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Grain;

/**
 * The period half of "the nearest report wins" (docs/marts.md): for a target period of a grain, a
 * unit's report for that whole period stands for it, and its reports for parts of the period count
 * only where no report of a larger part (still inside the target) exists. Records are additive:
 * they are only added up per month here.
 */
final class Precedence {
  /**
   * The key of a node's value: the node (code, era) and what is measured when ({@code grain} the
   * target grain's {@link Grain#rank()}, {@code target_start} the first day of the target period).
   */
  static final String[] KEYS = {"code", "era", "indicator", "unit", "grain", "target_start"};
  /** The key of a fact as {@link Facts} gives it: in its native grain and period. */
  private static final String[] NATIVE_KEYS = {"indicator", "unit", "code", "era", "native_grain", "native_start"};

  private Precedence() {}

  /**
   * Own report values per node and target period: {@code KEYS, value}. A report enclosed by
   * another report of the same unit and node at a grain up to the target's is dropped.
   */
  static Dataset<Row> ownReports(Dataset<Row> reports) {
    Dataset<Row> summed = reports.groupBy(NATIVE_KEYS[0], rest(NATIVE_KEYS)).agg(sum("value").as("value"));
    // For each report, the finest coarser grain at which the same unit reported the enclosing period
    Dataset<Row> candidates = summed.select(col("indicator"), col("unit"), col("code"), col("era"),
            col("native_grain"), col("native_start"),
            explode(sequence(col("native_grain").plus(1), lit(Grain.YEAR.rank()))).as("coarser_grain"))
        .where(col("native_grain").lt(Grain.YEAR.rank()))
        .withColumn("coarser_start", GrainColumns.periodStart(col("native_start"), col("coarser_grain")));
    Dataset<Row> reported = summed.select(col("indicator").as("reported_indicator"),
        col("unit").as("reported_unit"), col("code").as("reported_code"), col("era").as("reported_era"),
        col("native_grain").as("reported_grain"), col("native_start").as("reported_start"));
    Dataset<Row> enclosed = candidates.join(reported, col("indicator").equalTo(col("reported_indicator"))
            .and(col("unit").equalTo(col("reported_unit"))).and(col("code").equalTo(col("reported_code")))
            .and(col("era").equalTo(col("reported_era"))).and(col("coarser_grain").equalTo(col("reported_grain")))
            .and(col("coarser_start").equalTo(col("reported_start"))))
        .groupBy(NATIVE_KEYS[0], rest(NATIVE_KEYS))
        .agg(min("coarser_grain").as("enclosed_at"));
    Dataset<Row> tagged = summed.join(enclosed, scala(NATIVE_KEYS), "left");
    Column grain = col("grain");
    return onGrains(tagged)
        .where(grain.lt(coalesce(col("enclosed_at"), lit(Grain.YEAR.rank() + 1))))
        .groupBy(KEYS[0], rest(KEYS)).agg(sum("value").as("value"));
  }

  /**
   * Records per node and native period ({@code NATIVE_KEYS, value}):
   * added up per month, or per the coarser native period (a model's year). {@link Rollup} spreads
   * them onto the grains.
   */
  static Dataset<Row> records(Dataset<Row> records) {
    Column monthOrCoarser = greatest(col("native_grain"), lit(Grain.MONTH.rank()));
    return records.withColumn("native_grain", monthOrCoarser)
        .withColumn("native_start", GrainColumns.periodStart(col("native_start"), col("native_grain")))
        .groupBy(NATIVE_KEYS[0], rest(NATIVE_KEYS)).agg(sum("value").as("value"));
  }

  /** One row per target grain at or above the fact's own, with the target period's start. */
  private static Dataset<Row> onGrains(Dataset<Row> facts) {
    Dataset<Row> spread = facts.withColumn("grain",
        explode(sequence(greatest(col("native_grain"), lit(Grain.MONTH.rank())), lit(Grain.YEAR.rank()))));
    return spread.withColumn("target_start", GrainColumns.periodStart(col("native_start"), col("grain")));
  }

  static String[] rest(String[] a) {
    return java.util.Arrays.copyOfRange(a, 1, a.length);
  }

  static scala.collection.immutable.Seq<String> scala(String[] columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toSeq();
  }
}
