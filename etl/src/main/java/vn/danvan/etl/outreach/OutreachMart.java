package vn.danvan.etl.outreach;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import vn.danvan.contract.PostAge;
import vn.danvan.etl.lake.LakeWriter;

/**
 * Writes the {@value #POST_STATS} mart into a staged snapshot, beside the other marts, so it is
 * published with them or not at all (docs/outreach.md).
 */
public final class OutreachMart {
  public static final String POST_STATS = "post_stats";
  /** Row groups small enough that a period's read skips most of the file (rows are in time order). */
  private static final int ROW_GROUP_BYTES = 8 << 20;

  /** Columns of (nearly) distinct values, written without Parquet's dictionary ({@link LakeWriter#withoutDictionary}). */
  static final List<String> DISTINCT = distinct();

  private OutreachMart() {}

  private static List<String> distinct() {
    List<String> columns = new ArrayList<>(List.of("post_id", "published_at"));
    for (PostAge a : PostAge.values()) {
      // counts interpolated at the age, their sum, and the scores: fractions, rarely repeated
      Stream.of("reactions", "interactions", "benchmark", "score").map(a::column).forEach(columns::add);
    }
    return List.copyOf(columns);
  }

  /**
   * Builds and writes {@code post_stats}; returns it read back from its files, for the marts'
   * {@code post_totals} facts.
   */
  public static Dataset<Row> write(Dataset<Row> posts, Dataset<Row> metrics, PostAreas areas, Benchmark benchmark,
      Path staging) {
    Path dir = staging.resolve(POST_STATS);
    // Each quarter of publication is written whole by one task, its posts in publishing order, so
    // every file's row groups hold spans of time that a period's read skips by their statistics.
    // Not one order over all files: sorting by ranges of time needs a sampling job first, which
    // computed the scores a second time (40 of the mart's 200 CPU-s at scale 20)
    LakeWriter.withoutDictionary(Overperformance.of(PostStats.of(posts, metrics, areas), benchmark)
        .repartition(year(col("published_date")).multiply(4).plus(quarter(col("published_date"))))
        .sortWithinPartitions(col("published_at"), col("post_id"))
        .write(), DISTINCT).mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        .option("parquet.block.size", ROW_GROUP_BYTES)
        .parquet(dir.toString());
    return posts.sparkSession().read().parquet(dir.toString());
  }
}
