package vn.danvan.contract;

import static vn.danvan.contract.Column.Type.CODE;
import static vn.danvan.contract.Column.Type.COUNT;
import static vn.danvan.contract.Column.Type.DATE;
import static vn.danvan.contract.Column.Type.DECIMAL;
import static vn.danvan.contract.Column.Type.FRACTION;
import static vn.danvan.contract.Column.Type.MONEY;
import static vn.danvan.contract.Column.Type.STRING;
import static vn.danvan.contract.Column.Type.TIMESTAMP;
import static vn.danvan.contract.Column.Type.WEIGHT;
import static vn.danvan.contract.Column.Type.YEAR;
import static vn.danvan.contract.Column.opt;
import static vn.danvan.contract.Column.req;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The landing tables of ../shared/data-contract.md: folder name, columns in contract order, and the
 * key that identifies a row (a newer load replaces the row with the same key).
 *
 * <p>The order of the constants is the load order: a table only refers to tables above it.
 */
public enum Table {
  REGIONS("regions", List.of("code", "valid_from"),
      req("code", CODE), req("name", STRING), req("level", CODE), opt("parent_code", CODE),
      req("valid_from", DATE), opt("valid_to", DATE), opt("special_area", STRING)),
  REGION_LINEAGE("region_lineage", List.of("old_code", "new_code", "effective_date"),
      req("old_code", CODE), req("new_code", CODE), req("effective_date", DATE),
      req("relation", CODE), opt("weight", FRACTION)),
  POPULATION("population", List.of("region_code", "year"),
      req("region_code", CODE), req("year", YEAR), req("population", COUNT)),
  CAMPAIGNS("campaigns", List.of("campaign_code"),
      req("campaign_code", CODE), req("name", STRING), opt("movement", STRING),
      req("start_date", DATE), opt("end_date", DATE), req("owner_unit", CODE)),
  CAMPAIGN_TARGETS("campaign_targets", List.of("campaign_code", "region_code", "year", "indicator"),
      req("campaign_code", CODE), req("region_code", CODE), req("year", YEAR),
      req("indicator", CODE), req("target_value", DECIMAL)),
  REPORT_VALUES("report_values", List.of("report_id"),
      req("report_id", CODE), req("region_code", CODE), req("period_start", DATE),
      req("period_end", DATE), req("unit", CODE), req("indicator", CODE),
      opt("disaggregation", STRING), req("value", DECIMAL), opt("source_document", STRING)),
  ACTIVITIES("activities", List.of("activity_id"),
      req("activity_id", CODE), req("unit", CODE), req("region_code", CODE),
      req("start_date", DATE), opt("end_date", DATE), req("activity_type", CODE),
      opt("campaign_code", CODE), opt("sessions", COUNT), opt("participants", COUNT),
      opt("quantity", COUNT), opt("man_days", COUNT), opt("value_vnd", MONEY), opt("note", STRING)),
  MODELS("models", List.of("model_id"),
      req("model_id", CODE), req("region_code", CODE), req("year", YEAR), req("field", CODE),
      req("scope", CODE), req("status", CODE), opt("mobilized_vnd", MONEY), opt("name", STRING)),
  POSTS("posts", List.of("post_id"),
      req("post_id", CODE), req("unit", CODE), opt("team", STRING), req("region_code", CODE),
      req("platform", CODE), req("channel", STRING), req("published_at", TIMESTAMP),
      opt("topic", STRING), req("format", CODE)),
  POST_METRICS("post_metrics", List.of("post_id", "observed_at"),
      req("post_id", CODE), req("observed_at", TIMESTAMP), req("shares", COUNT),
      req("comments", COUNT), req("reactions", COUNT), opt("views", COUNT)),
  SURVEY_WAVES("survey_waves", List.of("wave_id"),
      req("wave_id", CODE), req("title", STRING), req("fieldwork_start", DATE),
      req("fieldwork_end", DATE), opt("method", STRING), opt("target_population", STRING)),
  SURVEY_QUESTIONS("survey_questions", List.of("wave_id", "question_id"),
      req("wave_id", CODE), req("question_id", CODE), req("text", STRING), req("type", CODE),
      opt("options", STRING), opt("indicator", CODE)),
  SURVEY_RESPONSES("survey_responses", List.of("wave_id", "respondent_id", "question_id"),
      req("wave_id", CODE), req("respondent_id", CODE), req("region_code", CODE),
      opt("age_group", CODE), opt("sex", CODE), opt("residence", CODE), req("weight", WEIGHT),
      req("question_id", CODE), opt("answer", STRING));

  private final String folder;
  private final List<String> key;
  private final List<Column> columns;

  Table(String folder, List<String> key, Column... columns) {
    this.folder = folder;
    this.key = List.copyOf(key);
    this.columns = List.of(columns);
  }

  /** The landing sub-folder and the lake table name. */
  public String folder() {
    return folder;
  }

  /** Columns whose values together identify a row. */
  public List<String> key() {
    return key;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The column whose (local) date gives a fact table's partition year; empty for the tables that
   * are not partitioned.
   */
  public Optional<String> yearSource() {
    return Optional.ofNullable(switch (this) {
      case REPORT_VALUES -> "period_end";
      case ACTIVITIES -> "start_date";
      case MODELS, CAMPAIGN_TARGETS -> LakeColumns.YEAR;
      case POSTS -> LakeColumns.PUBLISHED_DATE;
      case POST_METRICS -> LakeColumns.OBSERVED_DATE;
      default -> null;
    });
  }

  /** Fact tables are partitioned by year; reference tables are not. */
  public boolean partitioned() {
    return yearSource().isPresent();
  }

  /** The table whose landing folder has this name, if any. */
  public static Optional<Table> forFolder(String folder) {
    return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
  }
}
