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
  /** The key of a node's value: the node (code, era) and what is measured when. */
  static final String[] KEYS = {"code", "era", "indicator", "unit", "grain", "tstart"};

  private Precedence() {}

  /**
   * Own report values per node and target period: {@code KEYS, value}. A report enclosed by
   * another report of the same unit and node at a grain up to the target's is dropped.
   */
  static Dataset<Row> ownReports(Dataset<Row> reports) {
    Dataset<Row> r = reports.groupBy("indicator", "unit", "code", "era", "ngrain", "pstart")
        .agg(sum("value").as("value"));
    // For each report, the finest coarser grain at which the same unit reported the enclosing period
    Dataset<Row> candidates = r.select(col("indicator"), col("unit"), col("code"), col("era"),
            col("ngrain"), col("pstart"),
            explode(sequence(col("ngrain").plus(1), lit(Grain.YEAR.rank()))).as("g"))
        .where(col("ngrain").lt(Grain.YEAR.rank()))
        .withColumn("gstart", GrainColumns.periodStart(col("pstart"), col("g")));
    Dataset<Row> keys = r.select(col("indicator").as("k_indicator"), col("unit").as("k_unit"),
        col("code").as("k_code"), col("era").as("k_era"), col("ngrain").as("k_ngrain"),
        col("pstart").as("k_pstart"));
    Dataset<Row> enclosed = candidates.join(keys, col("indicator").equalTo(col("k_indicator"))
            .and(col("unit").equalTo(col("k_unit"))).and(col("code").equalTo(col("k_code")))
            .and(col("era").equalTo(col("k_era"))).and(col("g").equalTo(col("k_ngrain")))
            .and(col("gstart").equalTo(col("k_pstart"))))
        .groupBy("indicator", "unit", "code", "era", "ngrain", "pstart")
        .agg(min("g").as("enclosed_at"));
    Dataset<Row> tagged = r.join(enclosed,
        scala(new String[] {"indicator", "unit", "code", "era", "ngrain", "pstart"}), "left");
    Column grain = col("grain");
    return onGrains(tagged)
        .where(grain.lt(coalesce(col("enclosed_at"), lit(Grain.YEAR.rank() + 1))))
        .groupBy(KEYS[0], rest(KEYS)).agg(sum("value").as("value"));
  }

  /**
   * Records per node and native period ({@code code, era, indicator, unit, ngrain, pstart, value}):
   * added up per month, or per the coarser native period (a model's year). {@link Rollup} spreads
   * them onto the grains.
   */
  static Dataset<Row> records(Dataset<Row> records) {
    Column ngrain = greatest(col("ngrain"), lit(Grain.MONTH.rank()));
    return records.withColumn("ngrain", ngrain)
        .withColumn("pstart", GrainColumns.periodStart(col("pstart"), col("ngrain")))
        .groupBy("indicator", "unit", "code", "era", "ngrain", "pstart").agg(sum("value").as("value"));
  }

  /** One row per target grain at or above the fact's own, with the target period's start. */
  private static Dataset<Row> onGrains(Dataset<Row> facts) {
    Dataset<Row> spread = facts.withColumn("grain",
        explode(sequence(greatest(col("ngrain"), lit(Grain.MONTH.rank())), lit(Grain.YEAR.rank()))));
    return spread.withColumn("tstart", GrainColumns.periodStart(col("pstart"), col("grain")));
  }

  static String[] rest(String[] a) {
    return java.util.Arrays.copyOfRange(a, 1, a.length);
  }

  static scala.collection.immutable.Seq<String> scala(String[] columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toSeq();
  }
}
