package vn.danvan.warehouse.testlake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Builds a small lake in the etl's layout without Spark: DuckDB itself writes the zstd Parquet
 * files. Shared with the dashboard's tests through the warehouse test-jar.
 */
public final class TestLake {
  private final Path root;

  private TestLake(Path root) {
    this.root = root;
  }

  public static TestLake in(Path root) {
    return new TestLake(root);
  }

  public Path root() {
    return root;
  }

  public Path snapshotDir(String id) {
    return root.resolve("snapshots").resolve(id);
  }

  /**
   * Writes {@code select}'s rows as {@code snapshots/<id>/<relativeFile>}, e.g.
   * {@code activities/year=2024/part-0.parquet}.
   */
  public TestLake parquet(String snapshotId, String relativeFile, String select) {
    Path file = snapshotDir(snapshotId).resolve(relativeFile);
    try {
      Files.createDirectories(file.getParent());
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        st.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
            + "' (FORMAT parquet, COMPRESSION zstd)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** {@code rows} activities dated in {@code year}, in that year's partition. */
  public TestLake activities(String snapshotId, int year, int rows) {
    return parquet(snapshotId, "activities/year=" + year + "/part-0.parquet",
        "SELECT 'a" + year + "-' || i AS activity_id, 'military' AS unit, '01' AS region_code, "
            + "make_date(" + year + ", 1 + i % 12, 1) AS start_date, 'gift_visit' AS activity_type, "
            + "CAST(10 + i AS BIGINT) AS participants FROM range(" + rows + ") t(i)");
  }

  /** {@code rows} province rows in the unpartitioned regions table. */
  public TestLake regions(String snapshotId, int rows) {
    return parquet(snapshotId, "regions/part-0.parquet",
        "SELECT lpad(CAST(i + 1 AS VARCHAR), 2, '0') AS code, 'Tỉnh ' || (i + 1) AS name, "
            + "'province' AS level, DATE '2025-07-01' AS valid_from FROM range(" + rows + ") t(i)");
  }

  /**
   * Marts as the etl writes them (docs/marts.md) for {@code provinces} 2025 provinces ({@code 01},
   * {@code 02}, ...) and the nation: indicator {@code activity_sessions}, both boundary modes, grain
   * year, 2016-2025. A province's value is {@code base * 100 + province number}, the nation's
   * {@code base * 100}; reported values are exact, restated ones before 2025 apportioned by weight.
   */
  public TestLake marts(String snapshotId, int provinces, double base) {
    String regions = "SELECT lpad(CAST(i AS VARCHAR), 2, '0') AS code, i FROM range(1, " + (provinces + 1)
        + ") t(i) UNION ALL SELECT 'VN', 0";
    parquet(snapshotId, "indicator_values/part-0.parquet",
        "SELECT 'activity_sessions' AS indicator, b AS boundaries, "
            + "CASE WHEN code = 'VN' THEN 'nation' ELSE 'province' END AS level, code AS region_code, "
            + "'year' AS grain, CAST(y AS VARCHAR) AS period, CAST(y AS INTEGER) AS year, "
            + "CAST(" + base + " * 100 + i AS DOUBLE) AS value, 'records' AS source, (b = 'reported' OR y >= 2025) AS exact, "
            + "CASE WHEN b = 'reported' OR y >= 2025 THEN NULL ELSE 'weight' END AS method "
            + "FROM (" + regions + ") r, (VALUES ('reported'), ('2025')) m(b), range(2016, 2026) t(y) "
            + "ORDER BY boundaries, grain, indicator, level, region_code, period");
    return parquet(snapshotId, "mart_regions/part-0.parquet",
        "SELECT b AS boundaries, CASE WHEN code = 'VN' THEN 'nation' ELSE 'province' END AS level, "
            + "code AS region_code, CASE WHEN code = 'VN' THEN 'Việt Nam' ELSE 'Tỉnh ' || i END AS name, "
            + "CASE WHEN code = 'VN' THEN NULL ELSE 'VN' END AS parent_code, "
            + "CASE WHEN code = 'VN' THEN NULL ELSE DATE '2025-07-01' END AS valid_from, "
            + "CAST(NULL AS DATE) AS valid_to "
            + "FROM (" + regions + ") r, (VALUES ('reported'), ('2025')) m(b)");
  }

  /**
   * Snapshot {@code to} as a later load that corrected {@code from}'s {@link #marts}: province 05's
   * restated 2024 figure becomes 750, province 07's reported 2020 figure is withdrawn, province 09's
   * 2023 figures are recomputed with a rounding difference (1e-12: no correction), and a first
   * {@code houses_supported} figure appears (province 03, restated 2024: 5). The regions stay.
   */
  public TestLake corrected(String from, String to) {
    String figures = snapshotDir(from).resolve("indicator_values/part-0.parquet").toString().replace("'", "''");
    String regions = snapshotDir(from).resolve("mart_regions/part-0.parquet").toString().replace("'", "''");
    parquet(to, "indicator_values/part-0.parquet",
        "SELECT * REPLACE (CASE WHEN region_code = '05' AND boundaries = '2025' AND year = 2024 THEN 750.0 "
            + "WHEN region_code = '09' AND year = 2023 THEN value + 1e-12 ELSE value END AS value) "
            + "FROM read_parquet('" + figures + "') "
            + "WHERE NOT (region_code = '07' AND boundaries = 'reported' AND year = 2020) "
            + "UNION ALL SELECT 'houses_supported', '2025', 'province', '03', 'year', '2024', 2024, 5.0, "
            + "'reports', false, 'weight'");
    return parquet(to, "mart_regions/part-0.parquet", "SELECT * FROM read_parquet('" + regions + "')");
  }

  /** An empty folder for a table: present in the snapshot, with no Parquet file. */
  public TestLake emptyTable(String snapshotId, String folder) {
    return write(snapshotDir(snapshotId).resolve(folder).resolve("_SUCCESS"), "");
  }

  public TestLake loadReport(String snapshotId, String json) {
    return write(snapshotDir(snapshotId).resolve("_load_report.json"), json);
  }

  /** Points CURRENT at the snapshot the way the etl does: write aside, then atomic move. */
  public TestLake publish(String snapshotId) {
    Path tmp = root.resolve("CURRENT.tmp");
    write(tmp, snapshotId + "\n");
    try {
      Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private TestLake write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
