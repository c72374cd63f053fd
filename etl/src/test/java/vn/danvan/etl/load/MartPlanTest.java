package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.LoadReport.Action;
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
  void new_activities_rebuild_the_indicator_values_whole_and_link_the_other_marts() {
    MartPlan plan = MartPlan.of(previous, DEFINITIONS, DEFINITIONS, EnumSet.of(Table.ACTIVITIES), false);

    assertThat(plan.parts().get("indicator_values").action()).isEqualTo(Action.REWRITTEN);
    assertThat(plan.parts().get("indicator_values").reason())
        .isEqualTo("rebuilt in full (the mart is not partitioned by year): activities changed");
    assertThat(plan.linked()).containsExactlyInAnyOrder("post_stats", "mart_regions", "survey_estimates");
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
