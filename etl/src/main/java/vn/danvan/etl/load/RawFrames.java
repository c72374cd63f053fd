package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowCheck;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * A table's landing files as one frame of text: every contract column as the string written
 * (null when the file lacks the column), {@code _malformed} (the raw line when it could not be
 * split into the header's columns), {@code _file} (index of the file in path order) and
 * {@code _pos} (increasing with the position in the file). {@code _file, _pos} order the rows as a
 * person reads the input, which decides the "first occurrence" of a duplicated key.
 *
 * <p>Schemas are explicit and all-string (never inferred), taken from each file's own header and
 * mapped to the contract by name; files with the same header are read together.
 */
final class RawFrames {
  private RawFrames() {}

  static final String MALFORMED = RowCheck.MALFORMED;
  static final String FILE = "_file";
  static final String POS = "_pos";

  static Dataset<Row> read(SparkSession spark, Table table, List<LandingFile> files) {
    Map<Path, Integer> index = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      index.put(files.get(i).path(), i);
    }
    List<Dataset<Row>> parts = new ArrayList<>();
    Map<CsvGroup, List<LandingFile>> csvGroups = new LinkedHashMap<>();
    List<LandingFile> json = new ArrayList<>();
    List<LandingFile> xlsx = new ArrayList<>();
    long split = splitBytes(spark, files.stream().filter(f -> f.format() == LandingFile.Format.CSV).toList());
    for (LandingFile f : files) {
      switch (f.format()) {
        case CSV -> csvGroups.computeIfAbsent(new CsvGroup(f.header(), wholeFile(f, split)), k -> new ArrayList<>())
            .add(f);
        case JSON -> json.add(f);
        case XLSX -> xlsx.add(f);
      }
    }
    csvGroups.forEach((key, group) -> parts.add(csv(spark, table, group, key.wholeFile(), index)));
    if (!json.isEmpty()) {
      parts.add(json(spark, table, json, index));
    }
    if (!xlsx.isEmpty()) {
      parts.add(xlsx(spark, table, xlsx, index));
    }
    return parts.stream().reduce(Dataset::union).orElseThrow();
  }

  /** CSV files read by one reader: the same header, each parsed whole or each line by line. */
  private record CsvGroup(List<String> header, boolean wholeFile) {}

  /** The frame's schema: contract columns, then the bookkeeping columns. */
  static StructType schema(Table table) {
    List<StructField> fields = new ArrayList<>();
    table.columnNames().forEach(n -> fields.add(DataTypes.createStructField(n, DataTypes.StringType, true)));
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(FILE, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(POS, DataTypes.LongType, false));
    return DataTypes.createStructType(fields);
  }

  /**
   * Whether a CSV file is parsed as one stream rather than line by line: when a quoted value spans
   * lines (it must be), and when it is no bigger than one split (then one task reads it either way).
   * Line by line, Spark hands univocity's parser one line at a time, and the parser ends each by
   * throwing its end of input: at scale 20, reading and checking activities took 20-30 % more CPU
   * that way than with the same parser reading each file through (survey responses 15 %).
   */
  static boolean wholeFile(LandingFile f, long splitBytes) {
    return f.multiLine() || f.path().toFile().length() <= splitBytes;
  }

  /**
   * The most bytes Spark puts in one split when it reads {@code files} together (as its
   * {@code FilePartition.maxSplitBytes}: the files' bytes, each with the open cost, spread over the
   * default parallelism, at least the open cost and at most {@code spark.sql.files.maxPartitionBytes}).
   */
  static long splitBytes(SparkSession spark, List<LandingFile> files) {
    long open = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.openCostInBytes"));
    long max = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.maxPartitionBytes"));
    long total = files.stream().mapToLong(f -> f.path().toFile().length() + open).sum();
    long perCore = total / Math.max(1, spark.sparkContext().defaultParallelism());
    return Math.min(max, Math.max(open, perCore));
  }

  private static Dataset<Row> csv(SparkSession spark, Table table, List<LandingFile> group, boolean wholeFile,
      Map<Path, Integer> index) {
    LandingFile first = group.get(0);
    List<String> header = first.header();
    List<String> names = fieldNames(header);
    List<StructField> fields = new ArrayList<>();
    names.forEach(n -> fields.add(DataTypes.createStructField(n, DataTypes.StringType, true)));
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    Dataset<Row> df = spark.read().schema(DataTypes.createStructType(fields))
        .option("header", "true")
        .option("encoding", "UTF-8")
        .option("escape", "\"")
        .option("multiLine", String.valueOf(wholeFile))
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED)
        .csv(paths(group));
    Map<String, String> mapping = HeaderRules.mapping(first);
    return select(df, table, name -> {
      String source = mapping.get(name);
      return source == null ? null : col(SparkPaths.quoted(names.get(header.indexOf(source))));
    }, index);
  }

  /**
   * Field names of a CSV schema: the header's own names, so that Spark's header check has nothing
   * to warn about on every file; positional names when the header has blank or (ignoring case)
   * repeated names, which a Spark schema cannot hold, or names starting with {@code _}, which
   * could hide Spark's {@code _metadata} column.
   */
  static List<String> fieldNames(List<String> header) {
    Set<String> seen = new java.util.HashSet<>();
    boolean usable = header.stream().allMatch(h -> !h.isBlank() && !h.startsWith("_")
        && seen.add(h.toLowerCase(java.util.Locale.ROOT)));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      names.add(usable ? header.get(i) : "_c" + i);
    }
    return names;
  }

  private static Dataset<Row> json(SparkSession spark, Table table, List<LandingFile> files,
      Map<Path, Integer> index) {
    Map<String, Set<String>> sources = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    for (LandingFile f : files) {
      HeaderRules.mapping(f).forEach((contract, key) -> {
        sources.computeIfAbsent(contract, k -> new LinkedHashSet<>()).add(key);
        keys.add(key);
      });
    }
    List<StructField> fields = new ArrayList<>();
    keys.forEach(k -> fields.add(DataTypes.createStructField(k, DataTypes.StringType, true)));
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    Dataset<Row> df = spark.read().schema(DataTypes.createStructType(fields))
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED)
        .json(paths(files));
    return select(df, table, name -> {
      Set<String> from = sources.get(name);
      if (from == null) {
        return null;
      }
      Column[] cols = from.stream().map(k -> df.col(SparkPaths.quoted(k))).toArray(Column[]::new);
      return cols.length == 1 ? cols[0] : coalesce(cols);
    }, index);
  }

  private static Dataset<Row> select(Dataset<Row> df, Table table,
      java.util.function.Function<String, Column> source, Map<Path, Integer> index) {
    List<Column> cols = new ArrayList<>();
    for (String name : table.columnNames()) {
      Column c = source.apply(name);
      cols.add((c == null ? lit(null).cast(DataTypes.StringType) : c).as(name));
    }
    cols.add(col(MALFORMED));
    cols.add(SparkPaths.fileIndex(index).as(FILE));
    cols.add(monotonically_increasing_id().as(POS));
    return df.select(cols.toArray(Column[]::new));
  }

  private static Dataset<Row> xlsx(SparkSession spark, Table table, List<LandingFile> files,
      Map<Path, Integer> index) {
    List<Row> rows = new ArrayList<>();
    int width = table.columns().size();
    for (LandingFile f : files) {
      XlsxSheet.Content content = Workbooks.read(f.path());
      Map<String, String> mapping = HeaderRules.mapping(f.withHeader(content.header()));
      List<String> header = content.header();
      int[] at = table.columnNames().stream()
          .mapToInt(n -> mapping.containsKey(n) ? header.indexOf(mapping.get(n)) : -1).toArray();
      for (XlsxSheet.Line line : content.lines()) {
        Object[] values = new Object[width + 3];
        for (int c = 0; c < width; c++) {
          values[c] = at[c] >= 0 && at[c] < line.cells().size() ? line.cells().get(at[c]) : null;
        }
        values[width] = line.cells().size() > header.size() ? String.join(",",
            line.cells().stream().map(v -> v == null ? "" : v).toList()) : null;
        values[width + 1] = index.get(f.path());
        values[width + 2] = (long) line.rowNumber();
        rows.add(RowFactory.create(values));
      }
    }
    return spark.createDataFrame(rows, schema(table));
  }

  private static String[] paths(List<LandingFile> files) {
    return files.stream().map(f -> f.path().toString()).toArray(String[]::new);
  }
}
