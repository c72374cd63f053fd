package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;

/**
 * A table of the new snapshot: this load's rows, plus the previous snapshot's rows whose key this
 * load does not carry (the newer load wins), so every snapshot is complete on its own. Pure
 * transforms over lake-typed frames.
 */
public final class Merge {
  private Merge() {}

  /** Which side a merged row comes from; dropped before writing. */
  public static final String ORIGIN = "_origin";
  public static final String LANDED = "landed";
  public static final String CARRIED = "carried";

  private static final List<String> COUNTS = List.of("shares", "comments", "reactions", "views");

  /**
   * Landed rows and the previous rows not replaced, tagged in {@link #ORIGIN}, in lake columns.
   *
   * @param previous the previous snapshot's table, or null when there is none
   */
  public static Dataset<Row> merge(Dataset<Row> landed, Dataset<Row> previous, Table table) {
    List<String> names = LakeSchema.names(table).stream()
        .filter(n -> !n.equals(LakeSchema.DECREASING)).toList();
    Dataset<Row> now = select(landed, names).withColumn(ORIGIN, lit(LANDED));
    if (previous == null) {
      return flags(now, table);
    }
    Column replaced = lit(true);
    Dataset<Row> keys = landed.select(table.key().stream().map(k -> col(k).as("_new_" + k))
        .toArray(Column[]::new));
    for (String k : table.key()) {
      replaced = replaced.and(previous.col(k).equalTo(keys.col("_new_" + k)));
    }
    Dataset<Row> carried = select(previous.join(keys, replaced, "left_anti"), names)
        .withColumn(ORIGIN, lit(CARRIED));
    return flags(now.unionByName(carried), table);
  }

  private static Dataset<Row> select(Dataset<Row> frame, List<String> names) {
    return frame.select(names.stream().map(n -> col(n)).toArray(Column[]::new));
  }

  private static Dataset<Row> flags(Dataset<Row> merged, Table table) {
    return table == Table.POST_METRICS ? decreasing(merged) : merged;
  }

  /**
   * {@code decreasing}: some count of this snapshot is below the same count of an earlier
   * snapshot of the post. Counts are cumulative, so a drop means deleted interactions or a
   * mistake; the row is kept (it is what was observed) but flagged. Computed over the merged table
   * because the earlier snapshot may come from an earlier load.
   */
  public static Dataset<Row> decreasing(Dataset<Row> metrics) {
    WindowSpec earlier = Window.partitionBy(col("post_id")).orderBy(col("observed_at"))
        .rowsBetween(Window.unboundedPreceding(), -1);
    Column drop = lit(false);
    for (String c : COUNTS) {
      drop = drop.or(coalesce(col(c).lt(max(col(c)).over(earlier)), lit(false)));
    }
    return metrics.withColumn(LakeSchema.DECREASING, drop);
  }
}
