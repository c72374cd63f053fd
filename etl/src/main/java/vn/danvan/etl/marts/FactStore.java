package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Grain;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.YearFolders;

/**
 * The facts the indicator mart is rolled up from, kept in the snapshot ({@value #FOLDER}): own
 * reports as {@link Facts#reports} gives them and records added up per month
 * ({@link Precedence#records}), one folder per year and one file per month of it. A year's
 * figures need every fact of that year; kept, a load of one month's news computes the facts of
 * that month only and links the year's other months' files from the previous snapshot, where it
 * read, exploded and added up every report and record of the year again. Only loads that rebuild
 * some years keep them (the years they rebuild, and the previous snapshot's other years): a full
 * rebuild keeps none, as writing and reading back every year's facts cost more than the rebuild
 * saves, and the first such load of a year computes its facts whole.
 *
 * <p>A fact is filed under the month of its source row's part in the lake, so that the months a
 * load rewrote in a table are the months of facts to compute again: a record (an activity, a post
 * and its totals) under the month of its date, a report under the month its period ends
 * ({@code report_values} are stored by {@code period_end}); a model under January and a
 * population figure under December of their year (they are stored by year: a change to either
 * reaches every month of its year, or every year).
 */
final class FactStore {
  /** The snapshot folder: internal to the ETL, not served (the warehouse reads the mart). */
  static final String FOLDER = "indicator_facts";
  /** The columns {@link Rollup#run} reads, with {@code own_report} telling reports from records. */
  static final StructType SCHEMA = new StructType().add("own_report", DataTypes.BooleanType)
      .add("indicator", DataTypes.StringType).add("unit", DataTypes.StringType).add("code", DataTypes.StringType)
      .add("era", DataTypes.StringType).add("native_grain", DataTypes.IntegerType)
      .add("native_start", DataTypes.DateType).add("value", DataTypes.DoubleType);
  /** Models are filed under January of their year, population under December (see above). */
  static final int MODELS_MONTH = 1;
  static final int POPULATION_MONTH = 12;
  private static final String PART_YEAR = "part_year";
  private static final String PART_MONTH = "part_month";

  /**
   * Which facts a load computes: every one ({@link #ALL}), or those of {@code wholeYears} and of
   * {@code months} ({@code year * 100 + month}) in other years, whose other months are linked.
   */
  record Scope(Set<Integer> wholeYears, Set<Integer> months) {
    static final Scope ALL = new Scope(null, null);

    boolean all() {
      return wholeYears == null;
    }

    /** The years any of whose facts are computed. */
    Set<Integer> years() {
      Set<Integer> years = new TreeSet<>(wholeYears);
      months.forEach(m -> years.add(m / 100));
      return years;
    }

    /**
     * The rows of a fact table partitioned by year whose facts are computed, by their date
     * {@code dateColumn} (the column the table is stored by): the years' folders only, and in
     * them the dates of the months, ranges that Parquet's row-group statistics answer.
     */
    Dataset<Row> dated(Dataset<Row> rows, String dateColumn) {
      return all() ? rows : rows.where(col(LakeSchema.YEAR).isin(years().toArray()).and(within(col(dateColumn))));
    }

    /** As {@link #dated}, for a table without year folders, by a date column. */
    Column within(Column date) {
      if (all()) {
        return lit(true);
      }
      List<Column> ranges = new ArrayList<>();
      wholeYears.forEach(y -> ranges.add(date.between(lit(LocalDate.of(y, 1, 1)), lit(LocalDate.of(y, 12, 31)))));
      months.forEach(m -> {
        LocalDate first = LocalDate.of(m / 100, m % 100, 1);
        ranges.add(date.between(lit(first), lit(first.withDayOfMonth(first.lengthOfMonth()))));
      });
      return ranges.stream().reduce(Column::or).orElse(lit(false));
    }

    /** The rows of a table dated by year whose facts are filed under {@code month}: their year's. */
    Dataset<Row> yearly(Dataset<Row> rows, int month) {
      if (all()) {
        return rows;
      }
      Set<Integer> years = new TreeSet<>(wholeYears);
      months.stream().filter(m -> m % 100 == month).forEach(m -> years.add(m / 100));
      return rows.where(col(LakeSchema.YEAR).isin(years.toArray()));
    }
  }

  private FactStore() {}

  /**
   * What a load rebuilding {@code years} of the mart (null: all) computes, given the months its
   * changed inputs reached ({@code months}; null: every month of those years): the months where
   * the previous snapshot keeps that year's facts by month, the whole year where it keeps none.
   */
  static Scope scope(Path previous, Set<Integer> years, Set<Integer> months) {
    if (years == null) {
      return Scope.ALL;
    }
    Set<Integer> whole = new TreeSet<>();
    Set<Integer> byMonth = new TreeSet<>();
    for (int y : years) {
      Path kept = previous == null ? null : previous.resolve(FOLDER).resolve(LakeSchema.YEAR + "=" + y);
      if (months == null || kept == null || !Files.isDirectory(kept) || YearFolders.wholeYearFiles(kept)) {
        whole.add(y);
      } else {
        months.stream().filter(m -> m / 100 == y).forEach(byMonth::add);
      }
    }
    return new Scope(whole, byMonth);
  }

  /**
   * Writes the facts of {@code scope} (not {@link Scope#ALL}; {@link #SCHEMA}: a report's
   * {@code native_grain} is that of its period, a record's a month or coarser) into the staged
   * snapshot's {@value #FOLDER}, one file per month, and links the previous snapshot's files of
   * every other month and year.
   */
  static void write(Dataset<Row> facts, Scope scope, Path staging, Path previous, int tasks) {
    Path dir = staging.resolve(FOLDER);
    Path written = staging.resolve("_" + FOLDER + "_by_month");
    Column start = col("native_start");
    facts.withColumn(PART_YEAR, year(start)).withColumn(PART_MONTH, when(col("own_report"), lastMonth(start,
            col("native_grain"))).otherwise(month(start)))
        .repartition(tasks, col(PART_YEAR), col(PART_MONTH))
        .write().partitionBy(PART_YEAR, PART_MONTH).mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .parquet(written.toString());
    YearFolders.moveTagged(written, PART_YEAR, PART_MONTH, m -> YearFolders.monthTag(Integer.parseInt(m)), dir);
    Path before = previous == null ? null : previous.resolve(FOLDER);
    if (before != null && Files.isDirectory(before)) {
      YearFolders.linkOthers(before, dir, scope.wholeYears(), YearFolders.monthTags(scope.months()));
    }
  }

  /** Own reports or records ({@code own_report}) with the other columns of {@link #SCHEMA}, in its order. */
  static Dataset<Row> of(Dataset<Row> facts, boolean ownReport) {
    return facts.select(java.util.Arrays.stream(SCHEMA.fieldNames())
        .map(c -> c.equals("own_report") ? lit(ownReport).as(c) : col(c)).toArray(Column[]::new));
  }

  /** The stored facts of {@code years} of a staged snapshot. */
  static Dataset<Row> read(SparkSession spark, Path staging, Set<Integer> years) {
    Path dir = staging.resolve(FOLDER);
    String[] folders = YearFolders.years(dir).stream().filter(years::contains)
        .map(y -> dir.resolve(LakeSchema.YEAR + "=" + y).toString()).toArray(String[]::new);
    return folders.length == 0 ? spark.createDataFrame(List.of(), SCHEMA)
        : spark.read().schema(SCHEMA).parquet(folders);
  }

  /** The month a period of grain {@code rank} that begins on {@code start} ends in. */
  private static Column lastMonth(Column start, Column rank) {
    Column span = lit(0);
    for (Grain g : Grain.values()) {
      span = when(rank.equalTo(g.rank()), lit(12 / g.periodsPerYear() - 1)).otherwise(span);
    }
    return month(start).plus(span);
  }
}
