package vn.danvan.warehouse.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import vn.danvan.contract.Grain;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;

/**
 * The views a snapshot is read through, one per lake table that has Parquet files, so that the
 * SQL files name tables and never paths. The marts, which the dashboard reads many times a second,
 * are copied sorted into a compressed in-memory database ({@code attach_serving.sql}) when the
 * snapshot is opened; the fact tables are read from their Parquet files.
 */
public final class SnapshotViews {
  private static final SqlFile CREATE_VIEW = SqlFile.load(SnapshotViews.class, "create_view");
  private static final SqlFile CREATE_PARTITIONED_VIEW =
      SqlFile.load(SnapshotViews.class, "create_partitioned_view");
  private static final SqlFile CREATE_UNPARTITIONED_FACT_VIEW =
      SqlFile.load(SnapshotViews.class, "create_unpartitioned_fact_view");
  private static final SqlFile ATTACH_SERVING = SqlFile.load(SnapshotViews.class, "attach_serving");
  private static final SqlFile CREATE_SERVING_VIEW = SqlFile.load(SnapshotViews.class, "create_serving_view");
  /** The marts' set-up, in order: copies into the serving database, then the view over them. */
  private static final Map<LakeTable, List<SqlFile>> MATERIALIZED = Map.of(
      LakeTable.INDICATOR_VALUES, List.of(SqlFile.load(SnapshotViews.class, "materialize_series_keys"),
          SqlFile.load(SnapshotViews.class, "materialize_indicator_values"),
          SqlFile.load(SnapshotViews.class, "serve_indicator_values")),
      LakeTable.MART_REGIONS, List.of(SqlFile.load(SnapshotViews.class, "materialize_mart_regions"),
          CREATE_SERVING_VIEW.withTable("table", LakeTable.MART_REGIONS)
              .withTable("source", LakeTable.MART_REGIONS)),
      // appended to the served indicator_values under keys after its own, so it stays sorted by key
      LakeTable.EXTERNAL_INDICATOR_VALUES, List.of(
          SqlFile.load(SnapshotViews.class, "materialize_external_series_keys"),
          SqlFile.load(SnapshotViews.class, "materialize_external_indicator_values"),
          CREATE_VIEW.withTable("table", LakeTable.EXTERNAL_INDICATOR_VALUES)),
      LakeTable.SURVEY_ESTIMATES, List.of(SqlFile.load(SnapshotViews.class, "materialize_survey_estimates"),
          CREATE_SERVING_VIEW.withTable("table", LakeTable.SURVEY_ESTIMATES)
              .withTable("source", LakeTable.SURVEY_ESTIMATES)));
  private static final String GLOB_CHARS = "*?[]{}";

  private final Set<LakeTable> tables;
  private final Set<LakeTable> emptyTables;

  private SnapshotViews(Set<LakeTable> tables, Set<LakeTable> emptyTables) {
    this.tables = Collections.unmodifiableSet(tables);
    this.emptyTables = Collections.unmodifiableSet(emptyTables);
  }

  /**
   * The snapshot's folder as the views will name it: its real path, refused when DuckDB would
   * read part of it as a pattern or a partition instead of a folder name.
   */
  public static Path directory(SnapshotRef snapshot) {
    Path dir;
    try {
      dir = snapshot.dir().toRealPath();
    } catch (IOException e) {
      throw new LakeException("snapshot folder " + snapshot.dir() + " cannot be opened: " + e, e);
    }
    for (char c : GLOB_CHARS.toCharArray()) {
      if (dir.toString().indexOf(c) >= 0) {
        throw new LakeException("the lake path must not contain the glob character '" + c
            + "' (DuckDB would expand it): " + dir);
      }
    }
    if (dir.toString().indexOf('=') >= 0) {
      // DuckDB reads every key=value folder of a file's path as a partition, lake path included.
      throw new LakeException("the lake path must not contain '=' (DuckDB would read a key=value "
          + "folder as a hive partition column): " + dir);
    }
    return dir;
  }

  /**
   * Creates the views of the snapshot in {@code dir} ({@link #directory}) on {@code root}, with
   * {@code copy}'s marts copied into memory.
   */
  static SnapshotViews create(DuckDBConnection root, Path dir, SnapshotRef snapshot, ServingCopy copy) {
    execute(root, ATTACH_SERVING.sql(), ATTACH_SERVING, snapshot);
    Set<LakeTable> tables = EnumSet.noneOf(LakeTable.class);
    Set<LakeTable> empty = EnumSet.noneOf(LakeTable.class);
    for (LakeTable table : LakeTable.values()) {
      Path tableDir = dir.resolve(table.folder());
      if (!Files.isDirectory(tableDir)) {
        continue;
      }
      if (table == LakeTable.EXTERNAL_INDICATOR_VALUES && !tables.contains(LakeTable.INDICATOR_VALUES)) {
        throw new LakeException(tableDir + " is served as part of indicator_values, which the snapshot lacks");
      }
      if (hasParquet(tableDir)) {
        createView(root, table, tableDir, snapshot, copy);
        tables.add(table);
      } else {
        empty.add(table);
      }
    }
    return new SnapshotViews(tables, empty);
  }

  /** The tables that have a view, in load order. */
  Set<LakeTable> tables() {
    return tables;
  }

  /** Tables whose folder exists but holds no Parquet file: present, with no rows and no view. */
  Set<LakeTable> emptyTables() {
    return emptyTables;
  }

  /** Whether a table's folder holds a Parquet file (below it, partitions included). */
  public static boolean hasParquet(Path tableDir) {
    try (Stream<Path> files = Files.walk(tableDir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")
          && Files.isRegularFile(p));
    } catch (IOException e) {
      throw new LakeException("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasYearFolder(Path tableDir) {
    try (Stream<Path> entries = Files.list(tableDir)) {
      return entries.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("year="));
    } catch (IOException e) {
      throw new LakeException("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private static void createView(DuckDBConnection root, LakeTable table, Path tableDir, SnapshotRef snapshot,
      ServingCopy copy) {
    String files = tableDir + "/**/*.parquet";
    List<SqlFile> setUp = MATERIALIZED.get(table);
    if (setUp != null && (table != LakeTable.SURVEY_ESTIMATES || copy.survey())) {
      List<String> grains = copy.grains().stream().map(Grain::code).sorted().toList();
      for (SqlFile step : setUp) {
        SqlFile sql = step.has("files") ? step.withStringLiteral("files", files) : step;
        execute(root, (sql.has("grains") ? sql.withStringLiterals("grains", grains) : sql).sql(), step, snapshot);
      }
      return;
    }
    SqlFile file = !table.partitionedByYear() ? CREATE_VIEW
        : hasYearFolder(tableDir) ? CREATE_PARTITIONED_VIEW : CREATE_UNPARTITIONED_FACT_VIEW;
    execute(root, file.withTable("table", table).withStringLiteral("files", files).sql(), file, snapshot);
  }

  private static void execute(DuckDBConnection root, String sql, SqlFile file, SnapshotRef snapshot) {
    try (Statement st = root.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new WarehouseException("cannot set up snapshot " + snapshot.id() + " (" + file.path() + "): "
          + e.getMessage(), e);
    }
  }
}
