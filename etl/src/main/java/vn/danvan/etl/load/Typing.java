package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.year;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.LandingText;
import vn.danvan.etl.lake.LakeSchema;

/**
 * Parses a table's all-string frame into lake types. Every contract column {@code c} keeps the
 * text as read in {@code _raw_c} (for the quarantine record and to tell "empty" from "does not
 * parse") and gets its typed value in {@code c}: null when the text is empty or does not parse.
 * Parsing is strict (ISO dates, timestamps with an offset, plain integers; see {@link
 * vn.danvan.contract.checks.Parsers}), as {@link LandingText} says for a single value,
 * and never fails the query: a bad value is a null that a check names.
 */
public final class Typing {
  private Typing() {}

  static final String RAW = "_raw_";

  /** Reporting periods are Vietnam's calendar (see {@link LandingText#VIETNAM}). */
  public static final ZoneId VIETNAM = LandingText.VIETNAM;

  static String raw(String column) {
    return RAW + column;
  }

  /** The raw frame (contract columns as text + bookkeeping) with typed columns added. */
  public static Dataset<Row> typed(Dataset<Row> raw, Table table) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String name : raw.columns()) {
      if (table.column(name).isEmpty()) {
        cols.add(col(name));
      }
    }
    for (vn.danvan.contract.Column c : table.columns()) {
      cols.add(col(c.name()).as(raw(c.name())));
      cols.add(parse(col(c.name()), c, LandingText.foldsCase(table, c.name())).as(c.name()));
    }
    Dataset<Row> typed = raw.select(cols.toArray(org.apache.spark.sql.Column[]::new));
    return withDerived(typed, table);
  }

  /**
   * Text with spaces trimmed; an empty text is unknown (null), as the contract says ({@link
   * LandingText#clean} for a single value).
   */
  static org.apache.spark.sql.Column clean(org.apache.spark.sql.Column text) {
    return nullif(trim(text), lit(""));
  }

  static org.apache.spark.sql.Column parse(org.apache.spark.sql.Column text,
      vn.danvan.contract.Column column, boolean lowerCase) {
    org.apache.spark.sql.Column s = clean(text);
    return switch (column.type()) {
      case STRING, CODE -> lowerCase ? lower(s) : s;
      case DATE -> ParserUdfs.DATE.apply(s);
      case TIMESTAMP -> ParserUdfs.TIMESTAMP.apply(s);
      case YEAR -> ParserUdfs.YEAR.apply(s);
      case COUNT, MONEY -> ParserUdfs.WHOLE.apply(s);
      case DECIMAL, FRACTION, WEIGHT -> ParserUdfs.NUMBER.apply(s);
    };
  }

  /** The local date in Vietnam of an instant, whatever the session's time zone. */
  public static org.apache.spark.sql.Column localDate(org.apache.spark.sql.Column timestamp) {
    return date_from_unix_date(floor(unix_seconds(timestamp).plus(lit(LandingText.VIETNAM_OFFSET_SECONDS))
        .divide(lit(86_400))).cast(DataTypes.IntegerType));
  }

  private static Dataset<Row> withDerived(Dataset<Row> typed, Table table) {
    Dataset<Row> out = typed;
    for (Map.Entry<String, String> date : LandingText.localDates(table).entrySet()) {
      out = out.withColumn(date.getKey(), localDate(col(date.getValue())));
    }
    String source = table.yearSource().orElse(null);
    if (source != null && !source.equals(LakeSchema.YEAR)) {
      out = out.withColumn(LakeSchema.YEAR, year(col(source)));
    }
    return out;
  }
}
