package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.raise_error;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * Maps the file path Spark reports for a row ({@code _metadata.file_path}, a URI with spaces and
 * percent signs escaped) back to a landing file, without a pass over the data: the map is built on
 * the driver from the paths the loader listed itself.
 */
final class SparkPaths {
  private SparkPaths() {}

  /** The forms Spark may print for a local file: {@code file:/p} or {@code file:///p}. */
  static List<String> uriForms(Path file) {
    String raw = new org.apache.hadoop.fs.Path(file.toAbsolutePath().toString()).toUri().getRawPath();
    return List.of("file:" + raw, "file://" + raw);
  }

  /**
   * An int column: the index of the row's file. A row whose path is not in the map stops the load
   * (a null here would silently break "first occurrence wins").
   */
  static Column fileIndex(Map<Path, Integer> index) {
    List<Column> entries = new ArrayList<>();
    index.forEach((file, i) -> {
      for (String form : uriForms(file)) {
        entries.add(lit(form));
        entries.add(lit(i));
      }
    });
    Column mapped = org.apache.spark.sql.functions.try_element_at(
        map(entries.toArray(Column[]::new)), col("_metadata.file_path"));
    return coalesce(mapped, raise_error(org.apache.spark.sql.functions.concat(
        lit("a row from an unlisted file: "), col("_metadata.file_path"))).cast("int"));
  }

  /** Quotes a column name for Spark's parser: JSON keys may hold dots or spaces. */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
