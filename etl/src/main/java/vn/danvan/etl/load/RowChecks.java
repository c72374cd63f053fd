package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import vn.danvan.contract.Column.Type;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.Vocabulary;
import vn.danvan.etl.lake.LakeSchema;

/**
 * The checks a row can fail on its own, derived from the contract: shape, required values, types,
 * vocabularies, the indicator catalogue, date ranges and signs. Checks that need other tables
 * (regions, campaigns, waves, posts) are in {@link ReferenceChecks}.
 */
final class RowChecks {
  private RowChecks() {}

  /** No record of the warehouse is older: earlier dates are typing mistakes (1019 for 2019). */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** A date interval of one row whose end must not precede its start. */
  private record Interval(String start, String end) {}

  /** The closed vocabulary of a code column, if it has one. */
  static Optional<Set<String>> vocabulary(Table table, String column) {
    return Optional.ofNullable(switch (table.folder() + "." + column) {
      case "regions.level" -> Vocabulary.REGION_LEVEL;
      case "region_lineage.relation" -> Vocabulary.LINEAGE_RELATION;
      case "campaigns.owner_unit", "report_values.unit", "activities.unit", "posts.unit" -> Vocabulary.UNIT;
      case "activities.activity_type" -> Vocabulary.ACTIVITY_TYPE;
      case "models.field" -> Vocabulary.MODEL_FIELD;
      case "models.scope" -> Vocabulary.MODEL_SCOPE;
      case "models.status" -> Vocabulary.MODEL_STATUS;
      case "posts.platform" -> Vocabulary.PLATFORM;
      case "posts.format" -> Vocabulary.FORMAT;
      case "survey_questions.type" -> Vocabulary.QUESTION_TYPE;
      case "survey_responses.age_group" -> Vocabulary.AGE_GROUP;
      case "survey_responses.sex" -> Vocabulary.SEX;
      case "survey_responses.residence" -> Vocabulary.RESIDENCE;
      default -> null;
    });
  }

  /** Semicolon lists whose every item comes from a vocabulary. */
  static Optional<Set<String>> listVocabulary(Table table, String column) {
    return table == Table.REGIONS && column.equals("special_area")
        ? Optional.of(Vocabulary.SPECIAL_AREA) : Optional.empty();
  }

  static boolean isIndicator(Table table, String column) {
    return column.equals("indicator")
        && (table == Table.REPORT_VALUES || table == Table.CAMPAIGN_TARGETS);
  }

  /**
   * Dates of what happened: between {@link #EARLIEST} and the load date. Validity bounds of
   * regions, campaign dates (a movement may predate 2000 or end in the future) and lineage dates
   * are not records of work and are not bounded.
   */
  private static List<String> recordDates(Table table) {
    return switch (table) {
      case REPORT_VALUES -> List.of("period_start", "period_end");
      case ACTIVITIES -> List.of("start_date", "end_date");
      case POSTS -> List.of(LakeSchema.PUBLISHED_DATE);
      case POST_METRICS -> List.of(LakeSchema.OBSERVED_DATE);
      case SURVEY_WAVES -> List.of("fieldwork_start", "fieldwork_end");
      default -> List.of();
    };
  }

  private static List<Interval> intervals(Table table) {
    return switch (table) {
      case REGIONS -> List.of(new Interval("valid_from", "valid_to"));
      case CAMPAIGNS, ACTIVITIES -> List.of(new Interval("start_date", "end_date"));
      case REPORT_VALUES -> List.of(new Interval("period_start", "period_end"));
      case SURVEY_WAVES -> List.of(new Interval("fieldwork_start", "fieldwork_end"));
      default -> List.of();
    };
  }

  static List<Check> of(Table table, LocalDate asOf, Set<String> indicators) {
    Objects.requireNonNull(asOf, "asOf");
    List<Check> checks = new ArrayList<>();
    checks.add(Check.error(Reason.MALFORMED_ROW, "line", col(RawFrames.MALFORMED).isNotNull()));
    for (vn.danvan.contract.Column c : table.columns()) {
      String name = c.name();
      Column raw = Typing.clean(col(Typing.raw(name)));
      Column value = col(name);
      if (c.required()) {
        checks.add(Check.error(Reason.MISSING_VALUE, name, raw.isNull()));
      }
      if (c.type() != Type.STRING && c.type() != Type.CODE) {
        checks.add(Check.error(Reason.BAD_TYPE, name, raw.isNotNull().and(value.isNull())));
      }
      vocabulary(table, name).ifPresent(set ->
          checks.add(Check.error(Reason.UNKNOWN_VOCABULARY, name, not(value.isInCollection(set)))));
      listVocabulary(table, name).ifPresent(set -> checks.add(Check.error(Reason.UNKNOWN_VOCABULARY,
          name, not(forall(split(value, ";"), item -> trim(item).isInCollection(set))))));
      if (isIndicator(table, name)) {
        checks.add(Check.error(Reason.UNKNOWN_INDICATOR, name, not(value.isInCollection(indicators))));
      }
      switch (c.type()) {
        case COUNT, MONEY, DECIMAL, FRACTION ->
            checks.add(Check.error(Reason.NEGATIVE_VALUE, name, value.lt(0)));
        case WEIGHT -> checks.add(Check.error(Reason.NON_POSITIVE_WEIGHT, name, value.leq(0)));
        default -> { }
      }
      if (c.type() == Type.FRACTION) {
        checks.add(Check.error(Reason.BAD_TYPE, name + ">1", value.gt(1)));
      }
    }
    for (String date : recordDates(table)) {
      checks.add(Check.error(Reason.DATE_OUT_OF_RANGE, date,
          col(date).lt(lit(EARLIEST)).or(col(date).gt(lit(asOf)))));
    }
    for (Interval i : intervals(table)) {
      checks.add(Check.error(Reason.DATE_OUT_OF_RANGE, i.end() + "<" + i.start(),
          col(i.end()).lt(col(i.start()))));
    }
    yearRange(table, asOf).ifPresent(checks::add);
    checks.addAll(warnings(table));
    return List.copyOf(checks);
  }

  /** Years of records (and of targets: a plan for a year to come is loaded when it comes). */
  private static Optional<Check> yearRange(Table table, LocalDate asOf) {
    if (table.column(LakeSchema.YEAR).isEmpty()) {
      return Optional.empty();
    }
    Column year = col(LakeSchema.YEAR);
    return Optional.of(Check.error(Reason.DATE_OUT_OF_RANGE, LakeSchema.YEAR,
        year.lt(EARLIEST.getYear()).or(year.gt(asOf.getYear()))));
  }

  /** What a person should look at, but what is not wrong enough to hold a row back. */
  private static List<Check> warnings(Table table) {
    return switch (table) {
      case REPORT_VALUES -> List.of(Check.warn("disaggregation_not_key_value",
          not(col("disaggregation").rlike("^[A-Za-z0-9_]+=[^;=]+(;[A-Za-z0-9_]+=[^;=]+)*$"))));
      case REGION_LINEAGE -> List.of(Check.warn("partial_link_without_weight",
          col("relation").equalTo("partial").and(col("weight").isNull())));
      default -> List.of();
    };
  }
}
