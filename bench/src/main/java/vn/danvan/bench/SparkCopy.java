package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Table;
import vn.danvan.etl.cli.SparkSessions;

/**
 * The second peer: Spark itself reading each table's CSV files and writing zstd Parquet, nothing
 * more. Every column stays text, as the load reads it, and no row is checked: what the load's own
 * engine spends on the conversion alone, on the same files and cores as DuckDB's {@code COPY}.
 */
final class SparkCopy {
  private SparkCopy() {}

  /** Seconds Spark takes to convert every table folder of the landing to Parquet (its start not counted). */
  static double run(Path landing, Path out) throws IOException {
    EtlBench.deleteTree(out);
    SparkSession spark = SparkSessions.local(SparkSession.builder().master("local[*]").appName("bench spark copy"))
        .getOrCreate();
    try {
      long t0 = System.nanoTime();
      for (Table table : Table.values()) {
        Path folder = landing.resolve(table.folder());
        if (!Files.isDirectory(folder)) {
          continue;
        }
        spark.read().option("header", "true").option("encoding", "UTF-8").option("escape", "\"")
            .option("recursiveFileLookup", "true").option("pathGlobFilter", "*.csv")
            .csv(folder.toAbsolutePath().toString())
            .write().option("compression", "zstd").parquet(out.resolve(table.folder()).toString());
      }
      return EtlBench.secondsSince(t0);
    } finally {
      spark.stop();
      EtlBench.deleteTree(out);
    }
  }
}
