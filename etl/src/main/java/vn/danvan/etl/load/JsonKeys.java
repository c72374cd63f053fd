package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The "header" of JSON Lines files: the union of the keys of all their lines. A personal-data key
 * on line 3,000,000 must refuse the file as surely as one on line 1, so every line is looked at;
 * this is one parallel pass that only walks the top-level keys (no value is converted).
 */
final class JsonKeys {
  private JsonKeys() {}

  static Map<Path, List<String>> of(SparkSession spark, List<Path> files) {
    Map<String, Path> byUri = new HashMap<>();
    for (Path file : files) {
      SparkPaths.uriForms(file).forEach(form -> byUri.put(form, file));
    }
    Map<Path, TreeSet<String>> keys = new HashMap<>();
    files.forEach(f -> keys.put(f, new TreeSet<>()));
    List<Row> rows = spark.read().text(files.stream().map(Path::toString).toArray(String[]::new))
        .select(col("_metadata.file_path").as("f"), explode(expr("json_object_keys(value)")).as("k"))
        .distinct().collectAsList();
    for (Row row : rows) {
      Path file = byUri.get(row.getString(0));
      if (file == null) {
        throw new IllegalStateException("Spark read a file the loader did not list: " + row.getString(0));
      }
      keys.get(file).add(row.getString(1));
    }
    Map<Path, List<String>> out = new HashMap<>();
    keys.forEach((f, k) -> out.put(f, new ArrayList<>(k)));
    return out;
  }
}
