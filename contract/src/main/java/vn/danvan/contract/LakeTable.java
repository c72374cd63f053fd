package vn.danvan.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every table of a snapshot, in load order: the landing tables of the contract ({@link Table}),
 * then the marts a load builds from them. This is also the warehouse's allow-list for every SQL
 * identifier it writes: a table name never comes from request text.
 */
public enum LakeTable {
  REGIONS(Table.REGIONS),
  REGION_LINEAGE(Table.REGION_LINEAGE),
  POPULATION(Table.POPULATION),
  CAMPAIGNS(Table.CAMPAIGNS),
  CAMPAIGN_TARGETS(Table.CAMPAIGN_TARGETS),
  REPORT_VALUES(Table.REPORT_VALUES),
  ACTIVITIES(Table.ACTIVITIES),
  MODELS(Table.MODELS),
  POSTS(Table.POSTS),
  POST_METRICS(Table.POST_METRICS),
  SURVEY_WAVES(Table.SURVEY_WAVES),
  SURVEY_QUESTIONS(Table.SURVEY_QUESTIONS),
  SURVEY_RESPONSES(Table.SURVEY_RESPONSES),
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

  LakeTable(Table landing) {
    this(landing.folder(), landing.partitioned());
  }

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
