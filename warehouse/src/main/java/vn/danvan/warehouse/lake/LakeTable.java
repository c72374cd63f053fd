package vn.danvan.warehouse.lake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lake tables the warehouse may expose, in load order. This is the allow-list for every SQL
 * identifier the warehouse writes: a table name never comes from request text.
 *
 * <p>The warehouse deliberately does not depend on the etl module (which drags Spark in); the
 * names mirror {@code vn.danvan.etl.contract.Table#folder()} and the Spark-writes/DuckDB-reads
 * contract test keeps the two in step.
 */
public enum LakeTable {
  REGIONS("regions", false),
  REGION_LINEAGE("region_lineage", false),
  POPULATION("population", false),
  CAMPAIGNS("campaigns", false),
  CAMPAIGN_TARGETS("campaign_targets", true),
  REPORT_VALUES("report_values", true),
  ACTIVITIES("activities", true),
  MODELS("models", true),
  POSTS("posts", true),
  POST_METRICS("post_metrics", true),
  SURVEY_WAVES("survey_waves", false),
  SURVEY_QUESTIONS("survey_questions", false),
  SURVEY_RESPONSES("survey_responses", false),
  /** Mart built at the end of each load: indicator × region × period, see docs/marts.md. */
  INDICATOR_VALUES("indicator_values", false),
  /** Mart: the regions of each boundary mode, with names and parents. */
  MART_REGIONS("mart_regions", false),
  /** Published indicators imported by {@code danvan external import} (PAPI), blanks included. */
  EXTERNAL_VALUES("external_values", false),
  /**
   * Mart of the external indicators in the shape of {@link #INDICATOR_VALUES}; served as part of
   * it (so it must come after it in this order), see docs/external.md.
   */
  EXTERNAL_INDICATOR_VALUES("external_indicator_values", false),
  /** Mart: weighted survey estimates, small cells already suppressed, see docs/surveys.md. */
  SURVEY_ESTIMATES("survey_estimates", false),
  /** Mart: one row per outreach post with its totals, growth and overperformance, see docs/outreach.md. */
  POST_STATS("post_stats", false);

  private final String folder;
  private final boolean partitionedByYear;

  LakeTable(String folder, boolean partitionedByYear) {
    this.folder = folder;
    this.partitionedByYear = partitionedByYear;
  }

  /** The table's folder inside a snapshot, which is also its view name in the warehouse. */
  public String folder() {
    return folder;
  }

  /** Fact tables are hive-partitioned {@code year=YYYY}; the year lives in the path only. */
  public boolean partitionedByYear() {
    return partitionedByYear;
  }

  /** The table with this folder name, if it is one the warehouse knows. */
  public static Optional<LakeTable> forFolder(String folder) {
    return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
  }
}
