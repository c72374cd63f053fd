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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;

/**
 * Parses a table's all-string frame into lake types. Every contract column {@code c} keeps the
 * text as read in {@code _raw_c} (for the quarantine record and to tell "empty" from "does not
 * parse") and gets its typed value in {@code c}: null when the text is empty or does not parse.
 * Parsing is strict (ISO dates, timestamps with an offset, plain integers; see {@link Parsers})
 * and never fails the query: a bad value is a null that a check names.
 */
public final class Typing {
  private Typing() {}

  static final String RAW = "_raw_";

  /** Reporting periods are Vietnam's calendar: dates of timestamps are taken in this zone. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * The offset of Vietnam time in seconds. Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving
   * since 1975 and records before 2000 are refused, so a fixed offset gives the local date without
   * depending on the Spark session's time zone (a cluster may run in UTC).
   */
  static final int VIETNAM_OFFSET_SECONDS = vietnamOffset();

  private static int vietnamOffset() {
    ZoneRules rules = VIETNAM.getRules();
    Instant since = LocalDate.of(1976, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (rules.nextTransition(since) != null) {
      throw new IllegalStateException("the time-zone data now has an offset change in Asia/Ho_Chi_Minh"
          + " after 1975: local dates can no longer be computed with a fixed offset");
    }
    return rules.getOffset(since).getTotalSeconds();
  }

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
      cols.add(parse(col(c.name()), c, vocabulary(table, c.name())).as(c.name()));
    }
    Dataset<Row> typed = raw.select(cols.toArray(org.apache.spark.sql.Column[]::new));
    return withDerived(typed, table);
  }

  /** Text with spaces trimmed; an empty text is unknown (null), as the contract says. */
  static org.apache.spark.sql.Column clean(org.apache.spark.sql.Column text) {
    return nullif(trim(text), lit(""));
  }

  /**
   * Vocabulary codes are compared and stored in lower case: {@code Facebook} and {@code facebook}
   * are the same platform.
   */
  private static boolean vocabulary(Table table, String column) {
    return RowChecks.vocabulary(table, column).isPresent()
        || RowChecks.listVocabulary(table, column).isPresent() || RowChecks.isIndicator(table, column);
  }

  static org.apache.spark.sql.Column parse(org.apache.spark.sql.Column text,
      vn.danvan.contract.Column column, boolean lowerCase) {
    org.apache.spark.sql.Column s = clean(text);
    return switch (column.type()) {
      case STRING, CODE -> lowerCase ? lower(s) : s;
      case DATE -> Parsers.DATE_UDF.apply(s);
      case TIMESTAMP -> Parsers.TIMESTAMP_UDF.apply(s);
      case YEAR -> Parsers.YEAR_UDF.apply(s);
      case COUNT, MONEY -> Parsers.WHOLE_UDF.apply(s);
      case DECIMAL, FRACTION, WEIGHT -> Parsers.NUMBER_UDF.apply(s);
    };
  }

  /** The local date in Vietnam of an instant, whatever the session's time zone. */
  public static org.apache.spark.sql.Column localDate(org.apache.spark.sql.Column timestamp) {
    return date_from_unix_date(floor(unix_seconds(timestamp).plus(lit(VIETNAM_OFFSET_SECONDS))
        .divide(lit(86_400))).cast(DataTypes.IntegerType));
  }

  private static Dataset<Row> withDerived(Dataset<Row> typed, Table table) {
    Dataset<Row> out = typed;
    if (table == Table.POSTS) {
      out = out.withColumn(LakeSchema.PUBLISHED_DATE, localDate(col("published_at")));
    } else if (table == Table.POST_METRICS) {
      out = out.withColumn(LakeSchema.OBSERVED_DATE, localDate(col("observed_at")));
    }
    String source = table.yearSource().orElse(null);
    if (source != null && !source.equals(LakeSchema.YEAR)) {
      out = out.withColumn(LakeSchema.YEAR, year(col(source)));
    }
    return out;
  }
}
