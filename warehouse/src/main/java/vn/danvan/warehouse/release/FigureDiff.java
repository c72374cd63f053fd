package vn.danvan.warehouse.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;
import vn.danvan.contract.Coded;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.warehouse.query.DuckDbHardening;
import vn.danvan.warehouse.query.SnapshotViews;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.WarehouseException;
import vn.danvan.warehouse.query.WarehouseOptions;

/**
 * Every figure that differs between two snapshots: the errata list of a release. Compared are the
 * figures the pages and the review pack print: the indicator mart (both boundary modes, every
 * grain and level), the external indicators (PAPI) and the survey estimates (a corrected survey
 * changes the review's public-opinion chapter as much as a corrected report changes a table).
 * Not compared: the fact tables, which reach the pages only through these marts.
 *
 * <p>One DuckDB instance, hardened like the warehouse's and allowed to read the snapshots' folder
 * only, joins the two snapshots' Parquet files directly (no copy in memory): a few seconds per
 * ten million figures.
 */
public final class FigureDiff {
  private static final SqlFile FIGURES = SqlFile.load(FigureDiff.class, "figure_diff");
  private static final SqlFile SURVEY = SqlFile.load(FigureDiff.class, "survey_diff");
  private static final SqlFile NAMES = SqlFile.load(FigureDiff.class, "region_names");

  /** The marts compared, in the order their figures are listed, with the name each is listed under. */
  private static final Map<LakeTable, String> MARTS = marts();

  private FigureDiff() {}

  private static Map<LakeTable, String> marts() {
    Map<LakeTable, String> marts = new LinkedHashMap<>();
    marts.put(LakeTable.INDICATOR_VALUES, "indicators");
    marts.put(LakeTable.EXTERNAL_INDICATOR_VALUES, "external");
    marts.put(LakeTable.SURVEY_ESTIMATES, "survey");
    return marts;
  }

  /** How many figures differ, by how. */
  public record Counts(Map<ChangedFigure.Change, Long> byChange) {
    public Counts {
      byChange = Map.copyOf(byChange);
    }

    public long of(ChangedFigure.Change change) {
      return byChange.getOrDefault(change, 0L);
    }

    public long total() {
      return byChange.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Hands every figure that differs from {@code before} to {@code after} to {@code sink}, mart by
   * mart, each in indicator, mode, level, region and period order; none when both are the same
   * snapshot (a snapshot never changes).
   *
   * @throws LakeException when a snapshot's folder cannot be read
   * @throws WarehouseException when DuckDB fails
   */
  public static Counts between(SnapshotRef before, SnapshotRef after, WarehouseOptions options,
      Consumer<ChangedFigure> sink) {
    Objects.requireNonNull(sink, "sink");
    Map<ChangedFigure.Change, Long> counts = new EnumMap<>(ChangedFigure.Change.class);
    if (before.id().equals(after.id())) {
      return new Counts(counts);
    }
    Path beforeDir = SnapshotViews.directory(before);
    Path afterDir = SnapshotViews.directory(after);
    if (!beforeDir.getParent().equals(afterDir.getParent())) {
      throw new LakeException("snapshots " + before.id() + " and " + after.id() + " are not of one lake");
    }
    try (DuckDBConnection db = DuckDbHardening.open(beforeDir.getParent(), options)) {
      Map<String, String> names = new HashMap<>(names(db, afterDir));
      names(db, beforeDir).forEach(names::putIfAbsent);
      for (Map.Entry<LakeTable, String> mart : MARTS.entrySet()) {
        boolean was = hasParquet(beforeDir, mart.getKey());
        boolean is = hasParquet(afterDir, mart.getKey());
        if (!was && !is) {
          continue;
        }
        // a side without the mart reads the other's files with its switch off: no figures
        String files = "/" + mart.getKey().folder() + "/**/*.parquet";
        SqlFile sql = (mart.getKey() == LakeTable.SURVEY_ESTIMATES ? SURVEY : FIGURES)
            .withStringLiteral("before", (was ? beforeDir : afterDir) + files)
            .withStringLiteral("after", (is ? afterDir : beforeDir) + files);
        run(db, sql, row -> {
          ChangedFigure figure = new ChangedFigure(Coded.find(row.getString(1),
              ChangedFigure.Change.values()).orElseThrow(), mart.getValue(), row.getString(2), row.getString(3), row.getString(4),
              row.getString(5), names.get(row.getString(3) + "|" + row.getString(5)), row.getString(6),
              row.getString(7), row.getString(8), number(row, 9), number(row, 10));
          counts.merge(figure.change(), 1L, Long::sum);
          sink.accept(figure);
        }, was, is);
      }
    } catch (SQLException e) {
      throw new WarehouseException("cannot compare snapshots " + before.id() + " and " + after.id() + ": "
          + e.getMessage(), e);
    }
    return new Counts(counts);
  }

  /** As {@link #between(SnapshotRef, SnapshotRef, WarehouseOptions, Consumer)}, collected. */
  public static List<ChangedFigure> list(SnapshotRef before, SnapshotRef after, WarehouseOptions options) {
    List<ChangedFigure> figures = new ArrayList<>();
    between(before, after, options, figures::add);
    return figures;
  }

  /** boundaries|code → name, from the snapshot's region mart (none without one). */
  private static Map<String, String> names(DuckDBConnection db, Path dir) throws SQLException {
    Map<String, String> names = new HashMap<>();
    if (hasParquet(dir, LakeTable.MART_REGIONS)) {
      run(db, NAMES.withStringLiteral("files", dir + "/" + LakeTable.MART_REGIONS.folder() + "/**/*.parquet"),
          row -> names.put(row.getString(1) + "|" + row.getString(2), row.getString(3)));
    }
    return names;
  }

  private interface RowSink {
    void accept(ResultSet row) throws SQLException;
  }

  private static void run(DuckDBConnection db, SqlFile sql, RowSink sink, Object... params) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(sql.sql())) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = st.executeQuery()) {
        while (rows.next()) {
          sink.accept(rows);
        }
      }
    } catch (SQLException e) {
      throw new SQLException(sql.path() + ": " + e.getMessage(), e);
    }
  }

  private static Double number(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  private static boolean hasParquet(Path snapshotDir, LakeTable table) {
    Path dir = snapshotDir.resolve(table.folder());
    return Files.isDirectory(dir) && SnapshotViews.hasParquet(dir);
  }
}
