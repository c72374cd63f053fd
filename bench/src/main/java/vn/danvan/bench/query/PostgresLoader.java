package vn.danvan.bench.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.postgresql.PGConnection;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.warehouse.query.SqlFile;

/**
 * Puts the snapshot's marts and the scanned activity columns into PostgreSQL: DuckDB exports each
 * table to CSV, {@code COPY ... FROM STDIN} loads it in the transaction that created the table,
 * then the indexes a DBA would build for the three reads, and {@code VACUUM ANALYZE}.
 */
public final class PostgresLoader {
  /** A table to copy: the lake table, and the names of its export, create and copy statements. */
  private record Copy(LakeTable table, String name) {}

  private static final List<Copy> COPIES = List.of(new Copy(LakeTable.INDICATOR_VALUES, "indicator_values"),
      new Copy(LakeTable.MART_REGIONS, "mart_regions"), new Copy(LakeTable.ACTIVITIES, "activities"));
  private static final List<String> INDEXES =
      List.of("pg_index_series", "pg_index_map", "pg_index_regions", "pg_index_scan");

  /** Rows copied per table and the seconds each step took. */
  public record Loaded(Map<String, Long> rows, double exportSeconds, double copySeconds, double indexSeconds) {
    public Loaded {
      rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }
  }

  private PostgresLoader() {}

  public static Loaded load(SnapshotRef snapshot, PostgresCluster cluster) throws IOException, SQLException {
    Objects.requireNonNull(snapshot, "snapshot");
    Map<String, Long> rows = new LinkedHashMap<>();
    double export = 0;
    double copy = 0;
    try (Connection pg = cluster.connect()) {
      for (Copy c : COPIES) {
        Path csv = cluster.workDir().resolve(c.name() + ".csv");
        long t0 = System.nanoTime();
        exportCsv(snapshot.tableDir(c.table()), c.name(), csv);
        export += secondsSince(t0);
        t0 = System.nanoTime();
        rows.put(c.name(), copyIn(pg, c.name(), csv));
        copy += secondsSince(t0);
        Files.delete(csv);
        System.out.printf(Locale.ROOT, "[bench] postgres: %s loaded, %,d rows%n", c.name(), rows.get(c.name()));
      }
      long t0 = System.nanoTime();
      try (Statement st = pg.createStatement()) {
        for (String index : INDEXES) {
          long t1 = System.nanoTime();
          st.execute(SqlFile.load(PostgresLoader.class, index).sql());
          System.out.printf(Locale.ROOT, "[bench] postgres: %s built in %.1f s%n", index, secondsSince(t1));
        }
        for (Copy c : COPIES) {
          st.execute("VACUUM (ANALYZE) " + c.name()); // names from the fixed list above
        }
      }
      return new Loaded(rows, export, copy, secondsSince(t0));
    }
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** DuckDB (its own in-memory instance, not the warehouse's locked one) writes the CSV. */
  private static void exportCsv(Path tableDir, String name, Path csv) throws SQLException, IOException {
    if (!Files.isDirectory(tableDir)) {
      throw new IOException("the snapshot has no " + name + " folder: " + tableDir);
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      st.execute(SqlFile.load(PostgresLoader.class, "export_" + name)
          .withStringLiteral("files", tableDir.toAbsolutePath() + "/**/*.parquet")
          .withStringLiteral("csv", csv.toAbsolutePath().toString()).sql());
    }
  }

  private static long copyIn(Connection pg, String name, Path csv) throws SQLException, IOException {
    pg.setAutoCommit(false);
    try (Statement st = pg.createStatement(); InputStream in = Files.newInputStream(csv)) {
      st.execute(SqlFile.load(PostgresLoader.class, "pg_create_" + name).sql());
      long rows = pg.unwrap(PGConnection.class).getCopyAPI()
          .copyIn(SqlFile.load(PostgresLoader.class, "pg_copy_" + name).sql(), in, 1 << 20);
      pg.commit();
      return rows;
    } catch (SQLException | IOException e) {
      pg.rollback();
      throw e;
    } finally {
      pg.setAutoCommit(true);
    }
  }
}
