package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.LakeWriter;
import vn.danvan.etl.lake.YearFolders;

/**
 * Which parts of a fact table a load reaches (the others are carried over as hard links by
 * {@link YearFolders#linkOthers}): months within years for the tables dated by day, years for
 * the others. A load reaches the parts of the rows it lands and of the earlier rows it replaces (a
 * corrected row may move to another month, and its old part must lose it); every other part holds
 * exactly the rows it held before, so its files are linked, never rewritten.
 */
final class YearPartitions {
  private YearPartitions() {}

  /**
   * Why a table must be written in full although a previous snapshot exists, or empty when only
   * the years it reaches need to be.
   */
  static Optional<String> whyInFull(Table table) {
    if (!table.partitioned()) {
      return Optional.of("not partitioned by year");
    }
    return Optional.empty();
  }

  /**
   * A row's part: {@code year * 100 + month} for a table stored by month within its years
   * ({@link LakeWriter#monthSource}), {@code year * 100} for one stored by year only.
   */
  static Column part(Table table) {
    Column year = col(LakeSchema.YEAR).multiply(100);
    return LakeWriter.monthSource(table).map(c -> year.plus(month(col(c)))).orElse(year);
  }

  /**
   * The parts ({@link #part}) this load reaches: those of {@code landed} and those of the
   * {@code previous} rows whose key it lands; for {@code post_metrics} also those of a post's
   * earlier-loaded snapshots observed after one it lands (their {@code decreasing} flag compares
   * them with every earlier snapshot of the post, so a late snapshot can change a later month).
   * Empty when a row has no year (then the table is written in full).
   */
  static Optional<Set<Integer>> reached(Dataset<Row> landed, Dataset<Row> previous, Table table) {
    Dataset<Row> keys = landed.select(table.key().stream().map(k -> col(k)).toArray(Column[]::new));
    List<Column> ranges = keyRanges(keys, table.key());
    Dataset<Row> replaced = previous.where(ranges.stream().reduce(Column::and).orElseThrow())
        .join(keys, scala.jdk.javaapi.CollectionConverters.asScala(table.key()).toSeq(), "left_semi");
    Column part = part(table);
    Dataset<Row> parts = landed.select(part).union(replaced.select(part));
    if (table == Table.POST_METRICS) {
      Dataset<Row> from = landed.groupBy(col("post_id")).agg(min(col("observed_at")).as("_from"));
      // a post's later snapshots: their post id lies in the landed ones' range, as the key's part does
      Column postIds = ranges.get(table.key().indexOf("post_id"));
      parts = parts.union(previous.where(postIds).join(from, "post_id")
          .where(col("observed_at").gt(col("_from"))).select(part));
    }
    Set<Integer> out = new TreeSet<>();
    for (Row r : parts.distinct().collectAsList()) {
      if (r.isNullAt(0)) {
        return Optional.empty();
      }
      out.add(r.getInt(0));
    }
    return Optional.of(out);
  }

  /**
   * Per part of the key, the rows that can share it with one of {@code keys}: the part between
   * the least and the greatest of the landed ones (false when none landed); all of them together,
   * the rows that can share a key. Parquet answers such a filter from its row groups' statistics,
   * so the lookup of replaced rows skips the files whose keys all lie outside: ids that grow with
   * time (a month's new ids sort after every earlier month's) leave out every earlier file, where
   * the lookup read the key of every row of the table (a scale-20 month's: 4.0 M report ids and
   * 7.5 M activity ids, 5.8-6.6 s of its jobs; 2.6-2.7 s with the range); ids in no order leave out
   * nothing. One aggregate of {@code keys} finds every bound.
   */
  static List<Column> keyRanges(Dataset<Row> keys, List<String> key) {
    Column[] bounds = key.stream().flatMap(k -> java.util.stream.Stream.of(min(col(k)), max(col(k))))
        .toArray(Column[]::new);
    Row range = keys.agg(bounds[0], java.util.Arrays.copyOfRange(bounds, 1, bounds.length)).first();
    List<Column> ranges = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      ranges.add(range.isNullAt(2 * i) ? lit(false)
          : col(key.get(i)).between(lit(range.get(2 * i)), lit(range.get(2 * i + 1))));
    }
    return ranges;
  }

  /**
   * What a load rewrites of a table the previous snapshot holds in {@code before}: the years it
   * reaches whole where they are stored by year (or were written before months were), else the
   * months it reaches.
   */
  record Scope(Set<Integer> wholeYears, Set<Integer> months) {
    static Scope of(Set<Integer> parts, Table table, Path before) {
      Set<Integer> whole = new TreeSet<>();
      Set<Integer> months = new TreeSet<>();
      for (int p : parts) {
        int year = p / 100;
        if (LakeWriter.monthSource(table).isEmpty()
            || YearFolders.wholeYearFiles(before.resolve(LakeSchema.YEAR + "=" + year))) {
          whole.add(year);
        } else {
          months.add(p);
        }
      }
      return new Scope(whole, months);
    }

    boolean isEmpty() {
      return wholeYears.isEmpty() && months.isEmpty();
    }

    /** The months of each year rewritten by month, as the tags of their files. */
    java.util.Map<Integer, Set<String>> tags() {
      return YearFolders.monthTags(months);
    }

    /** The rows of a table this scope rewrites. */
    Column rows(Table table) {
      return col(LakeSchema.YEAR).isin(wholeYears.toArray()).or(part(table).isin(months.toArray()));
    }

    /**
     * The rows of the previous snapshot's table (in {@code before}) this scope rewrites, read from
     * their own files only: the whole years' folders and the months' files. A filter alone would
     * scan every file of the table, a month being no folder Spark can prune.
     */
    Dataset<Row> previousRows(SparkSession spark, Path before, Table table) {
      StructType schema = LakeSchema.of(table);
      List<String> paths = new ArrayList<>();
      wholeYears.stream().map(y -> before.resolve(LakeSchema.YEAR + "=" + y)).filter(Files::isDirectory)
          .forEach(d -> paths.add(d.toString()));
      tags().forEach((year, tags) -> YearFolders.files(before.resolve(LakeSchema.YEAR + "=" + year)).stream()
          .filter(f -> tags.contains(YearFolders.tag(f.getFileName().toString())))
          .forEach(f -> paths.add(f.toString())));
      if (paths.isEmpty()) {
        return spark.createDataFrame(List.of(), schema);
      }
      return spark.read().schema(schema).option("basePath", before.toString())
          .parquet(paths.toArray(String[]::new)).where(rows(table));
    }

    /** Every year some file of is rewritten, in order. */
    List<Integer> years() {
      Set<Integer> years = new TreeSet<>(wholeYears);
      months.forEach(m -> years.add(m / 100));
      return List.copyOf(years);
    }
  }

  /**
   * Rows of the Parquet files a load linked, from their footers (no data is read), with the
   * session's Hadoop settings, read into the reader's options once: a new {@code Configuration}
   * parses Hadoop's XML defaults out of their jars again, and options built for each file (as
   * {@code open(InputFile)} builds them) were most of this call's time in a month's load.
   */
  static long rows(SparkSession spark, List<Path> files) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    org.apache.parquet.ParquetReadOptions options = org.apache.parquet.HadoopReadOptions.builder(conf).build();
    long sum = 0;
    for (Path f : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(f.toUri()), conf), options)) {
        sum += reader.getRecordCount();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the footer of " + f, e);
      }
    }
    return sum;
  }
}
