package vn.danvan.etl.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.month;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Table;

/**
 * Writes lake tables as the warehouse reads them best: zstd Parquet; fact tables one folder per
 * {@code year=} (and, for those dated by day, one file per month in it: {@link YearFolders}); every file sorted by region (DuckDB skips row groups by their min/max); row groups
 * of at most {@value #ROW_GROUP_ROWS} rows.
 */
public final class LakeWriter {
  private LakeWriter() {}

  static final int ROW_GROUP_ROWS = 500_000;
  static final long ROW_GROUP_BYTES = 64L << 20;
  static final long FILE_ROWS = 2_000_000;
  /**
   * Rows one write task takes at least: a small write (a month's news) is one task and one file
   * per month, a large one uses every core (with a million a task, a table of 970,000 rows was
   * sorted and written by one task while the other core idled).
   */
  static final long TASK_ROWS = 250_000;
  /** Tasks of one write at most, however large. */
  private static final int MAX_TASKS = 1_000;

  /**
   * Writes with one task per {@value #TASK_ROWS} expected rows, and each task sorts its rows by
   * year (month) and region. Up to one task per core, the rows are merged into the tasks without a
   * shuffle (so a table has that many files per year or month at most, however many files the
   * previous snapshot had). A fact table with more rows is shuffled by year (and month), each year
   * or month whole in one task, so every task's sort fits in memory and each month is one file:
   * with a task per core, a scale-20 load's two tasks each sorted 3.7 million activities and
   * spilled 432 MiB to disk. A larger table without years (survey_responses) is shuffled by ranges
   * of its sort key instead, so its files follow one another in region order: with a task per core,
   * two tasks, each sorting half of scale 20's 11 million answers, spilled 173 MiB between them.
   *
   * @param expectedRows about how many rows will be written (sizes the tasks, nothing else)
   */
  public static void table(Dataset<Row> rows, Table table, Path dir, long expectedRows) {
    table(rows, table, dir, expectedRows, UnaryOperator.identity());
  }

  /**
   * As above, with {@code written} applied to the rows in the write's own tasks, after any shuffle:
   * an observation there counts each written row once (a range shuffle's sampling job also reads
   * the rows before it). What it returns is written, so it drops any column it counted by.
   */
  public static void table(Dataset<Row> rows, Table table, Path dir, long expectedRows,
      UnaryOperator<Dataset<Row>> written) {
    List<Column> order = new ArrayList<>();
    Optional<String> monthOf = monthSource(table);
    if (table.partitioned()) {
      order.add(col(LakeSchema.YEAR));
    }
    if (monthOf.isPresent()) {
      rows = rows.withColumn(MONTH, month(col(monthOf.get())));
      order.add(col(MONTH));
    }
    sortKey(table).forEach(k -> order.add(col(k)));
    int cores = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
    long tasks = Math.max(1, (expectedRows + TASK_ROWS - 1) / TASK_ROWS);
    int many = (int) Math.min(MAX_TASKS, tasks);
    Dataset<Row> split = tasks <= cores ? rows.coalesce((int) tasks)
        : table.partitioned() ? rows.repartition(many, order.subList(0, monthOf.isPresent() ? 2 : 1)
            .toArray(Column[]::new))
        : rows.repartitionByRange(many, order.toArray(Column[]::new));
    DataFrameWriter<Row> writer = withoutDictionary(options(written.apply(split.sortWithinPartitions(
        order.toArray(Column[]::new))).write()), distinctColumns(table));
    if (monthOf.isPresent()) {
      Path byMonth = dir.resolveSibling(dir.getFileName() + ".by-month");
      writer.partitionBy(LakeSchema.YEAR, MONTH).parquet(byMonth.toString());
      YearFolders.moveTagged(byMonth, LakeSchema.YEAR, MONTH, m -> YearFolders.monthTag(Integer.parseInt(m)), dir);
      return;
    }
    if (table.partitioned()) {
      writer = writer.partitionBy(LakeSchema.YEAR);
    }
    writer.parquet(dir.toString());
  }

  /** The month partition Spark writes before {@link YearFolders#moveTagged} names the files by it. */
  private static final String MONTH = "_month";

  /**
   * The date whose month splits a fact table's years into month files ({@link YearFolders}):
   * the one its year comes from; empty for the tables whose year is stated (models, targets) and
   * the reference tables.
   */
  public static Optional<String> monthSource(Table table) {
    return table.yearSource().filter(c -> !c.equals(LakeSchema.YEAR));
  }

  /** This load's quarantined rows of a table: few, so one file. */
  public static void quarantine(Dataset<Row> rows, Path dir) {
    // repartition, not coalesce: the rows are filtered from every row of the table, and the
    // filtering should run in parallel, not in the one task that writes
    options(rows.repartition(1).write()).parquet(dir.toString());
  }

  /**
   * A table without any row is still a folder with one Parquet file holding its schema, so a
   * reader finds every table (a partitioned write of no rows would leave no file at all).
   */
  public static void empty(SparkSession spark, Table table, Path dir) {
    try {
      Publisher.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
    options(spark.createDataFrame(List.of(), LakeSchema.of(table)).coalesce(1).write())
        .parquet(dir.toString());
  }

  /**
   * The previous snapshot's folder of a table this load has no input for, hard-linked (snapshots
   * are immutable, so sharing the files is safe and costs no copy); copied where links fail.
   */
  public static void carryOver(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          try {
            Files.createLink(target, p);
          } catch (IOException | UnsupportedOperationException noLink) {
            Files.copy(p, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot carry " + from + " over to " + to, e);
    }
  }

  /**
   * Columns whose values are (nearly) all distinct: a table's key when it is one column, and its
   * timestamps. See {@link #withoutDictionary}.
   */
  static List<String> distinctColumns(Table table) {
    List<String> columns = new ArrayList<>(table.key().size() == 1 ? table.key() : List.of());
    table.columns().stream().filter(c -> c.type() == vn.danvan.contract.Column.Type.TIMESTAMP)
        .map(vn.danvan.contract.Column::name).filter(c -> !columns.contains(c)).forEach(columns::add);
    return columns;
  }

  /**
   * Parquet's dictionary encoding off for these columns. For a column of distinct values, Parquet
   * builds a dictionary of each column chunk's first page (until it holds 1 MiB), finds it no
   * smaller than the values and writes them plain after all: work thrown away for every row group
   * (in {@code post_stats}' write at scale 20, a quarter of the stage's samples).
   */
  public static DataFrameWriter<Row> withoutDictionary(DataFrameWriter<Row> writer, List<String> columns) {
    for (String c : columns) {
      writer = writer.option("parquet.enable.dictionary#" + c, "false");
    }
    return writer;
  }

  /** Region first: most queries filter by region; tables without one by their key. */
  private static List<String> sortKey(Table table) {
    return table.column("region_code").isPresent() ? List.of("region_code") : table.key();
  }

  private static DataFrameWriter<Row> options(DataFrameWriter<Row> writer) {
    return writer.mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd")
        .option("parquet.block.size", String.valueOf(ROW_GROUP_BYTES))
        .option("parquet.block.row.count.limit", String.valueOf(ROW_GROUP_ROWS))
        .option("maxRecordsPerFile", String.valueOf(FILE_ROWS))
        // no _SUCCESS marker: a snapshot is complete because it was renamed, not because of markers
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
  }
}
