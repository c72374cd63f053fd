package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRule.Severity;
import vn.danvan.contract.landing.XlsxSheet;
import vn.danvan.etl.lake.LakeSchema;

/**
 * Applies a table's checks to its typed frame and decides each row's fate: {@code _reason} (null
 * when the row lands, else the first failing error check's reason in {@link Reason} order),
 * {@code _failed_checks} (the names of every failing error check) and {@code _warnings}. Pure
 * transforms: no I/O, no clock.
 */
public final class Classify {
  private Classify() {}

  public static final String REASON = "_reason";
  /** Names of the failed error checks, joined by {@link #SEPARATOR}; empty when none failed. */
  public static final String FAILED = "_failed_checks";
  /** Names of the failed warnings, joined by {@link #SEPARATOR}. */
  public static final String WARNINGS = "_warnings";
  static final String SEPARATOR = ",";
  private static final String DUPLICATE = "_duplicate";

  /** The quarantine's columns, in order. */
  public static final List<String> QUARANTINE_COLUMNS =
      List.of("source_file", "row_key", "reason", "failed_checks", "record");

  /**
   * Adds the verdict columns: {@link #judge} then {@link #duplicates}. The raw text of a row that
   * passes the checks is dropped (nulled) in {@link #judge}: only the quarantine shows raw text,
   * and the frame a load caches is half as big.
   */
  public static Dataset<Row> classify(Dataset<Row> frame, List<Check> checks, List<String> key) {
    return duplicates(judge(frame, checks, key), key);
  }

  /**
   * The verdict of the checks alone, before duplicates are looked for. Raw text is kept for rows
   * that fail a check, and for the key of every row (a duplicate's quarantine entry names it).
   */
  static Dataset<Row> judge(Dataset<Row> frame, List<Check> checks, List<String> key) {
    List<Check> errors = checks.stream().filter(c -> c.level() == Severity.ERROR)
        .sorted(Comparator.comparingInt(c -> c.reason().ordinal())).toList();
    List<Check> warnings = checks.stream().filter(c -> c.level() == Severity.WARN).toList();
    // Names joined as text, not collected in an array: concat_ws is compiled with the conditions,
    // while array filters run interpreted, and with them every condition inside. The checks are
    // in reason order and named "<reason>:<what>", so the first name gives the reason.
    Dataset<Row> out = frame
        .withColumn(FAILED, names(errors))
        .withColumn(REASON, nullif(substring_index(col(FAILED), ":", 1), lit("")))
        .withColumn(WARNINGS, names(warnings));
    for (String c : out.columns()) {
      if (c.startsWith(Typing.RAW) && !key.contains(c.substring(Typing.RAW.length()))) {
        out = out.withColumn(c, when(col(REASON).isNotNull(), col(c)));
      }
    }
    return out;
  }

  private static Column names(List<Check> checks) {
    Column[] named = checks.stream()
        .map(c -> when(coalesce(c.failing(), lit(false)), lit(c.name()))).toArray(Column[]::new);
    return named.length == 0 ? lit("") : concat_ws(SEPARATOR, named);
  }

  /**
   * Marks {@code duplicate_id}: a key used again in this load is a duplicate when an earlier row
   * with that key (in {@code _file, _pos} order) lands, so the first good row wins and a corrected
   * row sent after a broken one is not lost.
   *
   * <p>Only keys seen more than once are ordered: the keys are counted (a shuffle of their
   * hashes alone), the few rows of repeated keys are ordered by a window, and the duplicates found
   * are joined back by position. Both small sides are broadcast, so the wide rows are never
   * shuffled; a landing that repeats most of its keys makes them large, and still correct.
   */
  static Dataset<Row> duplicates(Dataset<Row> judged, List<String> key) {
    return markDuplicates(judged, duplicateRows(judged, key), key);
  }

  /**
   * {@code _file, _pos} of every duplicate row: small, and worth computing once per load. The keys
   * are counted by a 64-bit hash of their values, which a map of fixed-width entries counts
   * quicker than the key text itself (loading scale 5's activities: 5 % of the tables' CPU samples
   * counting text, 3 % counting hashes); rows whose hash is repeated are then ordered by their
   * real keys, so two keys that share a hash stay apart. A row with a key part missing is never a
   * duplicate (its key matches nothing).
   */
  static Dataset<Row> duplicateRows(Dataset<Row> judged, List<String> key) {
    Column[] keys = key.stream().map(k -> col(k)).toArray(Column[]::new);
    Column complete = key.stream().map(k -> col(k).isNotNull()).reduce(Column::and).orElseThrow();
    Dataset<Row> hashed = judged.filter(complete).withColumn(KEY_HASH, xxhash64(keys));
    Dataset<Row> repeated = hashed.groupBy(col(KEY_HASH)).count()
        .filter(col("count").gt(1)).select(col(KEY_HASH).as("_repeated" + KEY_HASH));
    List<Column> candidate = new ArrayList<>(List.of(keys));
    candidate.addAll(List.of(col(RawFrames.FILE), col(RawFrames.POS), col(REASON), col(KEY_HASH)));
    WindowSpec earlier = Window.partitionBy(keys).orderBy(col(RawFrames.FILE), col(RawFrames.POS))
        .rowsBetween(Window.unboundedPreceding(), -1);
    return hashed.select(candidate.toArray(Column[]::new))
        .join(broadcast(repeated), col(KEY_HASH).equalTo(col("_repeated" + KEY_HASH)), "left_semi")
        .withColumn(DUPLICATE, coalesce(max(col(REASON).isNull()).over(earlier), lit(false)))
        .filter(col(DUPLICATE))
        .select(col(RawFrames.FILE).as("_dup_file"), col(RawFrames.POS).as("_dup_pos"), col(DUPLICATE));
  }

  private static final String KEY_HASH = "_key_hash";

  /** The judged frame with {@code duplicate_id} added to the rows in {@code found}. */
  static Dataset<Row> markDuplicates(Dataset<Row> judged, Dataset<Row> found, List<String> key) {
    Column dup = coalesce(col(DUPLICATE), lit(false));
    String dupName = Reason.DUPLICATE_ID.code() + ":" + String.join("+", key);
    // joined by the position alone, a single long key looked up in a map of longs (the pair of
    // keys needed a map of bytes, whose comparisons were a tenth of a pass over scale 20's cached
    // activities); the file is compared on a match, as a difference: an equality would be taken
    // for a second key
    return judged.join(broadcast(found), col(RawFrames.POS).equalTo(col("_dup_pos"))
            .and(col(RawFrames.FILE).minus(col("_dup_file")).equalTo(0)), "left")
        .withColumn(FAILED, when(dup, concat_ws(SEPARATOR,
            nullif(col(FAILED), lit("")), lit(dupName))).otherwise(col(FAILED)))
        // duplicate_id is last in Reason order: any other failing reason comes first
        .withColumn(REASON, when(dup, coalesce(col(REASON), lit(Reason.DUPLICATE_ID.code())))
            .otherwise(col(REASON)))
        .drop("_dup_file", "_dup_pos", DUPLICATE);
  }

  /**
   * The rows that land, in lake columns and types (without {@code decreasing}: it compares with
   * earlier snapshots, so {@link Merge} sets it over the merged table).
   */
  public static Dataset<Row> landed(Dataset<Row> classified, Table table) {
    return classified.filter(col(REASON).isNull())
        .select(LakeSchema.names(table).stream().filter(n -> !n.equals(LakeSchema.DECREASING))
            .map(n -> col(n)).toArray(Column[]::new));
  }

  /**
   * The rows held back, as people read them: the file (relative to the landing folder), the key
   * as written, the reason, every failed check, and the raw values as JSON (the unsplittable line
   * under {@code _line}).
   */
  public static Dataset<Row> quarantined(Dataset<Row> classified, Table table, List<String> files) {
    Column sourceFile = element_at(array(files.stream().map(f -> lit(f)).toArray(Column[]::new)),
        col(RawFrames.FILE).plus(1));
    Column rowKey = concat_ws("|", table.key().stream()
        .map(k -> coalesce(col(Typing.raw(k)), lit(""))).toArray(Column[]::new));
    List<Column> fields = new ArrayList<>();
    for (String name : table.columnNames()) {
      // a duplicate that passed every check kept only its key as text: its values as loaded; a
      // formula without a result shows as the formula (without the reader's marker)
      Column raw = col(Typing.raw(name));
      fields.add(coalesce(when(raw.startsWith(XlsxSheet.FORMULA_WITHOUT_RESULT),
              substring(raw, 1 + XlsxSheet.FORMULA_WITHOUT_RESULT.length(), Integer.MAX_VALUE)).otherwise(raw),
          col(name).cast(DataTypes.StringType)).as(name));
    }
    fields.add(col(RawFrames.MALFORMED).as("_line"));
    return classified.filter(col(REASON).isNotNull()).select(
        sourceFile.as("source_file"), rowKey.as("row_key"), col(REASON).as("reason"),
        split(col(FAILED), SEPARATOR).as("failed_checks"), to_json(struct(fields.toArray(Column[]::new))).as("record"));
  }
}
