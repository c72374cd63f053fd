package vn.danvan.contract.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.contract.Column;
import vn.danvan.contract.Column.Type;
import vn.danvan.contract.LakeColumns;
import vn.danvan.contract.Table;
import vn.danvan.contract.Vocabulary;
import vn.danvan.contract.checks.RowRule.Bounded.Bound;

/**
 * The checks a row can fail on its own, derived from the contract: shape, formulas without a
 * result, required values, thousands separators, types, vocabularies, the indicator catalogue and
 * its whole-number indicators, date ranges and signs, and the warnings. This is the one
 * list: the load turns it into Spark conditions, {@link RowCheck} applies it to a single row.
 * Checks that need other tables (regions, campaigns, waves, posts) are the load's own.
 */
public final class RowRules {
  private RowRules() {}

  /** No record of the warehouse is older: earlier dates are typing mistakes (1019 for 2019). */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** Separates the items of a list column (a regular expression, as Spark's {@code split} takes). */
  public static final String LIST_SEPARATOR = ";";

  /**
   * A whole number with a dot between groups of three digits, as Vietnamese files write 4,494
   * ({@code 4.494}, {@code 1.234.567}); anchored, so Spark's {@code rlike} (a search) and a
   * matcher's {@code find} agree.
   */
  public static final Pattern THOUSANDS_GROUPED = Pattern.compile("^[+-]?\\d{1,3}(\\.\\d{3})+$");

  private static final Pattern KEY_VALUE_LIST =
      Pattern.compile("^[A-Za-z0-9_]+=[^;=]+(;[A-Za-z0-9_]+=[^;=]+)*$");

  private static final Map<Table, List<RowRule>> RULES = rules();

  /**
   * A table's rules, in the order the load evaluates them (errors of the same reason are named in
   * this order in {@code failed_checks}).
   */
  public static List<RowRule> of(Table table) {
    return RULES.get(table);
  }

  private static Map<Table, List<RowRule>> rules() {
    Map<Table, List<RowRule>> all = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      all.put(table, build(table));
    }
    return all;
  }

  private static List<RowRule> build(Table table) {
    List<RowRule> rules = new ArrayList<>();
    rules.add(new RowRule.Malformed());
    for (Column c : table.columns()) {
      String name = c.name();
      rules.add(new RowRule.Evaluated(name));
      if (c.required()) {
        rules.add(new RowRule.Missing(name));
      }
      Optional<String> indicator = indicatorOf(table, name);
      RowRule.Grouped grouped = c.type() == Type.COUNT || c.type() == Type.MONEY
          ? new RowRule.Grouped(name, null)
          : indicator.map(i -> new RowRule.Grouped(name, i)).orElse(null);
      if (grouped != null) {
        rules.add(grouped);
      }
      if (c.type() != Type.STRING && c.type() != Type.CODE) {
        rules.add(new RowRule.Typed(name, grouped));
      }
      indicator.ifPresent(i -> rules.add(new RowRule.Whole(name, i, grouped)));
      vocabulary(table, name).ifPresent(set -> rules.add(new RowRule.InVocabulary(name, set)));
      listVocabulary(table, name).ifPresent(set -> rules.add(new RowRule.ListInVocabulary(name, set)));
      if (isIndicator(table, name)) {
        rules.add(new RowRule.InCatalogue(name));
      }
      switch (c.type()) {
        case COUNT, MONEY, DECIMAL, FRACTION -> rules.add(new RowRule.Bounded(name, Bound.NEGATIVE));
        case WEIGHT -> rules.add(new RowRule.Bounded(name, Bound.NOT_POSITIVE));
        default -> { }
      }
      if (c.type() == Type.FRACTION) {
        rules.add(new RowRule.Bounded(name, Bound.ABOVE_ONE));
      }
    }
    recordDates(table).forEach(date -> rules.add(new RowRule.RecordDate(date)));
    rules.addAll(intervals(table));
    // years of records (and of targets: a plan for a year to come is loaded when it comes)
    if (table.column(LakeColumns.YEAR).isPresent()) {
      rules.add(new RowRule.RecordYear(LakeColumns.YEAR));
    }
    rules.addAll(warnings(table));
    return List.copyOf(rules);
  }

  /** The closed vocabulary of a code column, if it has one. */
  public static Optional<Set<String>> vocabulary(Table table, String column) {
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
  public static Optional<Set<String>> listVocabulary(Table table, String column) {
    return table == Table.REGIONS && column.equals("special_area")
        ? Optional.of(Vocabulary.SPECIAL_AREA) : Optional.empty();
  }

  /** Whether the column holds indicator codes of the catalogue. */
  public static boolean isIndicator(Table table, String column) {
    return column.equals("indicator")
        && (table == Table.REPORT_VALUES || table == Table.CAMPAIGN_TARGETS);
  }

  /**
   * The indicator column that says what a value column counts ({@code report_values.value},
   * {@code campaign_targets.target_value}): whether it takes whole numbers depends on the indicator.
   */
  public static Optional<String> indicatorOf(Table table, String column) {
    return switch (table.folder() + "." + column) {
      case "report_values.value", "campaign_targets.target_value" -> Optional.of("indicator");
      default -> Optional.empty();
    };
  }

  /**
   * Dates of what happened: between {@link #EARLIEST} and the load date. Validity bounds of
   * regions, campaign dates (a movement may predate 2000 or end in the future) and lineage dates
   * are not records of work and are not bounded.
   */
  static List<String> recordDates(Table table) {
    return switch (table) {
      case REPORT_VALUES -> List.of("period_start", "period_end");
      case ACTIVITIES -> List.of("start_date", "end_date");
      case POSTS -> List.of(LakeColumns.PUBLISHED_DATE);
      case POST_METRICS -> List.of(LakeColumns.OBSERVED_DATE);
      case SURVEY_WAVES -> List.of("fieldwork_start", "fieldwork_end");
      default -> List.of();
    };
  }

  /** Date intervals of one row whose end must not precede its start. */
  static List<RowRule.Ordered> intervals(Table table) {
    return switch (table) {
      case REGIONS -> List.of(new RowRule.Ordered("valid_from", "valid_to"));
      case CAMPAIGNS, ACTIVITIES -> List.of(new RowRule.Ordered("start_date", "end_date"));
      case REPORT_VALUES -> List.of(new RowRule.Ordered("period_start", "period_end"));
      case SURVEY_WAVES -> List.of(new RowRule.Ordered("fieldwork_start", "fieldwork_end"));
      default -> List.of();
    };
  }

  /** What a person should look at, but what is not wrong enough to hold a row back. */
  static List<RowRule> warnings(Table table) {
    return switch (table) {
      case REPORT_VALUES -> List.of(
          new RowRule.Matches("disaggregation_not_key_value", "disaggregation", KEY_VALUE_LIST));
      case REGION_LINEAGE -> List.of(
          new RowRule.StatedWhen("partial_link_without_weight", "weight", "relation", "partial"));
      default -> List.of();
    };
  }
}
