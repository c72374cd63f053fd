package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.etl.lake.LakeSchema;

/**
 * Checks against other tables: region codes (known at all, and valid on the record's dates, see
 * {@link #interval}), campaigns, survey waves and questions, posts. {@link #attach} adds {@code
 * _ref_*} columns (the region's {@link RegionValidity} status and joins of the small, broadcast
 * reference frames), one row per input row; {@link #of} gives the checks over them; {@link
 * #detach} drops them again.
 */
final class ReferenceChecks {
  private ReferenceChecks() {}

  static final String PREFIX = "_ref_";
  /** The {@link RegionValidity} status of the record's region code on its dates. */
  private static final String REGION = PREFIX + "region";
  private static final String START = PREFIX + "start";
  private static final String END = PREFIX + "end";
  private static final String CAMPAIGN = PREFIX + "campaign";
  private static final String WAVE = PREFIX + "wave";
  private static final String QUESTION = PREFIX + "question";
  /** The answered question's type and the options it allows ({@link AnswerChecks#options}). */
  private static final String QUESTION_TYPE = PREFIX + "question_type";
  private static final String QUESTION_OPTIONS = PREFIX + "question_options";
  private static final String POST_PUBLISHED = PREFIX + "post_published_at";
  private static final String POST = PREFIX + "post";

  /** The input frame with the reference columns its table's checks read. */
  static Dataset<Row> attach(Dataset<Row> typed, Table table, References refs) {
    Dataset<Row> out = typed;
    switch (table) {
      case REGION_LINEAGE -> {
        out = out.withColumn(REGION + "_old", region(refs, col("old_code"), null))
            .withColumn(REGION + "_new", region(refs, col("new_code"), null));
      }
      case CAMPAIGN_TARGETS, ACTIVITIES -> out = known(out, refs.campaigns(), CAMPAIGN, "campaign_code");
      case SURVEY_QUESTIONS -> out = known(out, refs.waves().select("wave_id"), WAVE, "wave_id");
      case SURVEY_RESPONSES -> {
        Dataset<Row> waves = refs.waves().select(col("wave_id"),
            col("fieldwork_start").as(START), col("fieldwork_end").as(END));
        out = known(out, waves, WAVE, "wave_id");
        out = known(out, refs.questions().select(col("wave_id"), col("question_id"),
            col("type").as(QUESTION_TYPE), AnswerChecks.options(col("type"), col("options")).as(QUESTION_OPTIONS)),
            QUESTION, "wave_id", "question_id");
      }
      case POST_METRICS -> out = known(out,
          refs.posts().select(col("post_id"), col("published_at").as(POST_PUBLISHED)), POST, "post_id");
      default -> { }
    }
    if (hasRegion(table)) {
      Column[] interval = table == Table.SURVEY_RESPONSES
          ? new Column[] {col(START), col(END)} : interval(table);
      out = out.withColumn(REGION, region(refs, col("region_code"), interval));
    }
    return out;
  }

  static List<Check> of(Table table) {
    List<Check> checks = new ArrayList<>();
    switch (table) {
      case REGION_LINEAGE -> {
        checks.add(unknownRegion("old_code", REGION + "_old"));
        checks.add(unknownRegion("new_code", REGION + "_new"));
      }
      case CAMPAIGN_TARGETS, ACTIVITIES -> checks.add(unknown(Reason.UNKNOWN_REFERENCE, "campaign_code", CAMPAIGN));
      case SURVEY_QUESTIONS -> checks.add(unknown(Reason.UNKNOWN_REFERENCE, "wave_id", WAVE));
      case SURVEY_RESPONSES -> {
        checks.add(unknown(Reason.UNKNOWN_REFERENCE, "wave_id", WAVE));
        checks.add(unknown(Reason.UNKNOWN_REFERENCE, "question_id", QUESTION));
        checks.addAll(AnswerChecks.of(col("answer"), col(QUESTION_TYPE), col(QUESTION_OPTIONS)));
      }
      case POST_METRICS -> {
        checks.add(unknown(Reason.UNKNOWN_POST, "post_id", POST));
        checks.add(Check.error(Reason.DATE_OUT_OF_RANGE, "observed_at<published_at",
            col("observed_at").lt(col(POST_PUBLISHED))));
      }
      default -> { }
    }
    if (hasRegion(table)) {
      checks.add(unknownRegion("region_code", REGION));
      checks.add(Check.error(Reason.REGION_NOT_VALID_ON_DATE, "region_code",
          col(REGION).equalTo(lit(RegionValidity.NOT_VALID_ON_DATE))));
    }
    return List.copyOf(checks);
  }

  static Dataset<Row> detach(Dataset<Row> frame) {
    return frame.drop(Arrays.stream(frame.columns()).filter(c -> c.startsWith(PREFIX))
        .toArray(String[]::new));
  }

  private static boolean hasRegion(Table table) {
    return table != Table.REGIONS && table.column("region_code").isPresent();
  }

  /**
   * The record's date interval that must overlap a unit's validity ({@link
   * RegionValidity#recordInterval}), as Spark columns. (A survey response takes its wave's
   * fieldwork, joined in {@link #attach}.)
   */
  private static Column[] interval(Table table) {
    List<String> columns = RegionValidity.recordInterval(table);
    if (columns.equals(List.of(LakeSchema.YEAR))) {
      // make_date fails the query (ANSI) outside 1..9999; a 4-digit year of 0000 is possible
      Column year = col(LakeSchema.YEAR);
      Column ok = year.geq(1);
      return new Column[] {when(ok, make_date(year, lit(1), lit(1))),
          when(ok, make_date(year, lit(12), lit(31)))};
    }
    if (columns.size() != 2) {
      throw new IllegalArgumentException("no record interval for " + table);
    }
    return new Column[] {col(columns.get(0)), col(columns.get(1))};
  }

  /**
   * The {@link RegionValidity} status of a code on an interval of dates (null: only whether the
   * code is known).
   */
  private static Column region(References refs, Column code, Column[] interval) {
    Broadcast<RegionValidity> validity = refs.regionValidity();
    UserDefinedFunction status = udf((UDF3<String, Integer, Integer, Integer>)
        (c, start, end) -> validity.value().status(c, start, end), DataTypes.IntegerType)
        .withName("region_status");
    Column none = lit(null).cast(DataTypes.IntegerType);
    return status.apply(code, interval == null ? none : unix_date(interval[0]),
        interval == null ? none : unix_date(interval[1]));
  }

  /**
   * Left join with a frame unique on {@code keys}: adds its other columns and a boolean {@code
   * flag}, true when the row's keys are found.
   */
  private static Dataset<Row> known(Dataset<Row> frame, Dataset<Row> ref, String flag, String... keys) {
    List<Column> select = new ArrayList<>();
    Column on = lit(true);
    for (String c : ref.columns()) {
      boolean key = Arrays.asList(keys).contains(c);
      select.add(col(c).as(key ? flag + "_" + c : c));
    }
    select.add(lit(true).as(flag));
    Dataset<Row> right = ref.select(select.toArray(Column[]::new));
    for (String k : keys) {
      on = on.and(frame.col(k).equalTo(right.col(flag + "_" + k)));
    }
    Dataset<Row> joined = frame.join(broadcast(right), on, "left");
    for (String k : keys) {
      joined = joined.drop(right.col(flag + "_" + k));
    }
    return joined;
  }

  private static Check unknownRegion(String column, String status) {
    return Check.error(Reason.UNKNOWN_REGION, column, col(status).equalTo(lit(RegionValidity.UNKNOWN)));
  }

  private static Check unknown(Reason reason, String column, String flag) {
    return Check.error(reason, column, col(column).isNotNull().and(col(flag).isNull()));
  }
}
