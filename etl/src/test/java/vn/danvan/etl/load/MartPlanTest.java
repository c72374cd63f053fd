package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.LoadReport.Action;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport.Part;
import vn.danvan.contract.Table;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.survey.SurveyRules;

class MartPlanTest {
  static final String DEFINITIONS = MartPlan.definitions(SurveyRules.DEFAULT, Benchmark.CROWDTANGLE);

  @TempDir
  Path previous;

  @BeforeEach
  void previousSnapshotHasEveryMart() throws Exception {
    for (String mart : MartPlan.INPUTS.keySet()) {
      Files.createDirectories(previous.resolve(mart));
    }
  }

  @Test
  void new_activities_of_one_year_rebuild_that_year_of_the_indicator_values_and_link_the_other_marts()
      throws Exception {
    for (int year : new int[] {2023, 2024, 2025}) {
      Files.createDirectories(previous.resolve("indicator_values/year=" + year));
    }
    Map<String, Part> tables = Map.of("activities", partitions(List.of(2025, 2026), List.of(2023, 2024)));

    MartPlan plan = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES), tables, false);

    Part values = plan.parts().get("indicator_values");
    assertThat(values.action()).isEqualTo(Action.PARTITIONS);
    assertThat(values.rewrittenYears()).containsExactly(2025, 2026);
    assertThat(values.linkedYears()).containsExactly(2023, 2024);
    assertThat(values.reason()).isEqualTo("the years activities reached");
    assertThat(plan.indicatorYears()).containsExactlyInAnyOrder(2025, 2026);
    assertThat(plan.linked()).containsExactlyInAnyOrder("post_stats", "mart_regions", "survey_estimates");
  }

  @Test
  void the_indicator_values_are_rebuilt_whole_when_a_table_was_written_whole_posts_changed_or_the_mart_has_no_years()
      throws Exception {
    Map<String, Part> tables = Map.of("activities", partitions(List.of(2025), List.of(2024)),
        "report_values", Part.rewritten("no earlier snapshot"), "posts", partitions(List.of(2025), List.of(2024)));
    assertThat(MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES), tables, false)
        .parts().get("indicator_values").reason())
        .isEqualTo("rebuilt in full (the earlier snapshot's mart is not partitioned by year): activities changed");
    Files.createDirectories(previous.resolve("indicator_values/year=2024"));
    assertThat(MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES, Table.REPORT_VALUES),
        tables, false).parts().get("indicator_values").reason())
        .isEqualTo("rebuilt in full (report_values was written whole): report_values, activities changed");
    MartPlan posts = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES, Table.POSTS),
        tables, false);
    assertThat(posts.parts().get("indicator_values").reason()).isEqualTo("rebuilt in full (posts and their "
        + "metrics reach it through post_stats, rebuilt whole): activities, posts changed");
    assertThat(posts.indicatorYears()).isNull();
    assertThat(posts.parts().get("post_stats").reason())
        .isEqualTo("rebuilt in full (the mart is not partitioned by year): posts changed");
  }

  @Test
  void the_marts_read_every_row_of_the_tables_a_mart_rebuilt_whole_reads_and_what_the_load_landed_in_the_others()
      throws Exception {
    Files.createDirectories(previous.resolve("indicator_values/year=2024"));
    Files.createDirectories(previous.resolve("indicator_values/year=2025"));
    Map<Table, Counts> counts = new java.util.EnumMap<>(Table.class);
    counts.put(Table.REGIONS, landed(300, 12_000));
    counts.put(Table.ACTIVITIES, landed(2_000, 7_900_000));
    counts.put(Table.POSTS, landed(0, 3_900_000));
    counts.put(Table.SURVEY_RESPONSES, landed(0, 11_100_000));

    // a month of activities: the indicator mart by years, the others linked
    MartPlan month = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES),
        Map.of("activities", partitions(List.of(2025), List.of(2024))), false);
    assertThat(month.rowsRead(counts)).isEqualTo(300 + 2_000);
    // a change of regions rebuilds every mart from every row of its tables
    MartPlan regions = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.REGIONS), false);
    assertThat(regions.rowsRead(counts)).isEqualTo(12_000 + 7_900_000 + 3_900_000 + 11_100_000);
    // posts: post_stats and the indicator mart whole, the survey mart linked
    MartPlan posts = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.POSTS), false);
    assertThat(posts.rowsRead(counts)).isEqualTo(12_000 + 7_900_000 + 3_900_000);
  }

  /** A table's counts: rows this load landed (none quarantined) and rows in the new snapshot. */
  private static Counts landed(long landed, long inLake) {
    return new Counts(landed, landed, Map.of(), inLake, Map.of());
  }

  private static Part partitions(List<Integer> rewritten, List<Integer> linked) {
    return new Part(Action.PARTITIONS, rewritten, linked, "the years its rows reach");
  }

  @Test
  void a_change_of_regions_rebuilds_every_mart_and_says_it_is_a_reference() {
    MartPlan plan = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.REGIONS), false);

    assertThat(plan.linked()).isEmpty();
    assertThat(plan.parts().values()).allSatisfy(p ->
        assertThat(p.reason()).contains("a reference every figure depends on changed").contains("regions"));
  }

  @Test
  void other_definitions_an_unrecorded_one_no_previous_snapshot_or_full_rebuild_everything() {
    assertThat(MartPlan.of(previous, "sha256:other", DEFINITIONS, EnumSet.noneOf(Table.class), false).linked())
        .isEmpty();
    assertThat(MartPlan.of(previous, null, DEFINITIONS, EnumSet.noneOf(Table.class), false).linked()).isEmpty();
    assertThat(MartPlan.of(null, null, DEFINITIONS, EnumSet.noneOf(Table.class), false).linked()).isEmpty();
    assertThat(MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.noneOf(Table.class), true).linked()).isEmpty();
    assertThat(MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.noneOf(Table.class), false).linked())
        .hasSize(MartPlan.INPUTS.size());
  }

  @Test
  void the_definitions_change_with_the_survey_or_benchmark_rules() {
    assertThat(MartPlan.definitions(new SurveyRules(50, SurveyRules.DEFAULT.maxRse(), SurveyRules.DEFAULT.confidence()),
        Benchmark.CROWDTANGLE)).isNotEqualTo(DEFINITIONS).startsWith("sha256:");
    assertThat(MartPlan.definitions(SurveyRules.DEFAULT, Benchmark.CROWDTANGLE)).isEqualTo(DEFINITIONS);
  }
}
