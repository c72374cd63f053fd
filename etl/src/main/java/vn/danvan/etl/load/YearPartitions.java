package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;

/**
 * Which year partitions of a fact table a load reaches (the others are carried over as hard links
 * by {@link vn.danvan.etl.lake.YearFolders#linkOthers}). A load reaches the years of the rows it lands and the years of the earlier rows it
 * replaces (a corrected row may move to another year, and its old partition must lose it); every
 * other year holds exactly the rows it held before, so its files are linked, never rewritten.
 */
final class YearPartitions {
  private YearPartitions() {}

  /**
   * Why a table must be written in full although a previous snapshot exists, or empty when only
   * the years it reaches need to be.
   */
  static Optional<String> whyInFull(Table table) {
    if (!table.partitioned()) {
      return Optional.of("not partitioned by year");
    }
    return Optional.empty();
  }

  /**
   * The years this load reaches: those of {@code landed} and those of the {@code previous} rows
   * whose key it lands; for {@code post_metrics} also those of a post's earlier-loaded snapshots
   * observed after one it lands (their {@code decreasing} flag compares them with every earlier
   * snapshot of the post, so a late snapshot can change a later year). Empty when a row has no year
   * (then the table is written in full).
   */
  static Optional<Set<Integer>> reached(Dataset<Row> landed, Dataset<Row> previous, Table table) {
    Dataset<Row> keys = landed.select(table.key().stream().map(k -> col(k)).toArray(Column[]::new));
    Dataset<Row> replaced = previous.join(keys, scala.jdk.javaapi.CollectionConverters.asScala(table.key()).toSeq(),
        "left_semi");
    Dataset<Row> years = landed.select(col(LakeSchema.YEAR)).union(replaced.select(col(LakeSchema.YEAR)));
    if (table == Table.POST_METRICS) {
      Dataset<Row> from = landed.groupBy(col("post_id")).agg(min(col("observed_at")).as("_from"));
      years = years.union(previous.join(from, "post_id").where(col("observed_at").gt(col("_from")))
          .select(col(LakeSchema.YEAR)));
    }
    Set<Integer> out = new TreeSet<>();
    for (Row r : years.distinct().collectAsList()) {
      if (r.isNullAt(0)) {
        return Optional.empty();
      }
      out.add(r.getInt(0));
    }
    return Optional.of(out);
  }

  /** The rows of {@code previous} in the years not rewritten (the linked ones). */
  static long rowsOutside(Dataset<Row> previous, Set<Integer> rewritten) {
    return rewritten.isEmpty() ? previous.count()
        : previous.where(not(col(LakeSchema.YEAR).isin(rewritten.toArray()))).count();
  }
}
