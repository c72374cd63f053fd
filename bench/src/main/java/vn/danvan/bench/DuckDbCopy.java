package vn.danvan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import vn.danvan.contract.Table;

/** The peer: DuckDB reads each table's CSV files and writes zstd Parquet, nothing more. */
final class DuckDbCopy {
  private DuckDbCopy() {}

  /** Seconds DuckDB takes to convert every table folder of the landing to Parquet. */
  static double run(Path landing, Path out, int threads) throws IOException, SQLException {
    EtlBench.deleteTree(out);
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET threads = " + threads);
      for (Table table : Table.values()) {
        Path folder = landing.resolve(table.folder());
        if (!Files.isDirectory(folder)) {
          continue;
        }
        // typed columns with bad rows skipped: the closest peer to a validating load. Table folders come
        // from the Table enum and paths from the bench's own work folder, never from input.
        st.execute("COPY (SELECT * FROM read_csv('" + folder.toAbsolutePath() + "/**/*.csv', header = true, ignore_errors = true, "
            + "union_by_name = true)) TO '" + out.toAbsolutePath().resolve(table.folder() + ".parquet")
            + "' (FORMAT parquet, COMPRESSION zstd)");
      }
    }
    return EtlBench.secondsSince(t0);
  }
}
