package vn.danvan.etl.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Stratum;
import vn.danvan.contract.Table;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.TestLanding;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.EstimatesResult;
import vn.danvan.warehouse.survey.SurveyCell;
import vn.danvan.warehouse.survey.SurveyQueries;

/**
 * The real load of a hand-made survey landing (shipped provinces only: old 01 → 01, 02 → 08,
 * 04 → 04), through to the warehouse. Wave W24 (May 2024, old units) asks Q1 (yes/no,
 * attended_meeting) and Q2 (numeric, contribution_kvnd, range 0..100000) of 289 respondents:
 * province 04: 29 urban (all yes; coded with their commune 01270 of district 040) + 40 rural (10
 * yes; coded with their district 042), weight 1, Q2 = 100; province 01: 60 urban
 * + 60 rural (30 + 30 yes), weight 2, Q2 = 200; province 02: 50 urban + 50 rural (25 + 25 yes),
 * weight 1, Q2 = 300. Wave W25 (September 2025, new units) asks Q1 of 106: 01: 40 (all yes), 08:
 * 35 (20 yes), 04: 31 (10 yes, in commune 01300, which old 01270 went into whole), weight 1, all rural. Four bad rows: an answer outside yes/no, a
 * numeric answer that is no number, one outside the range, and a repeated respondent × question.
 */
class SurveyMartTest {
  private static SparkSession spark;
  private static Path lake;
  private static LoadReport report;
  private static final SqlFile SUPPRESSED_FIGURES = SqlFile.load(SurveyMartTest.class, "suppressed_figures");

  @BeforeAll
  static void load(@TempDir Path tmp) {
    spark = TestSpark.start("survey-mart");
    List<String> responses = new ArrayList<>();
    responses.add("wave_id,respondent_id,region_code,age_group,sex,residence,weight,question_id,answer");
    respondents(responses, "W24", "01270", "urban", 29, 29, "1", "100");
    respondents(responses, "W24", "042", "rural", 40, 10, "1", "100");
    respondents(responses, "W24", "01", "urban", 60, 30, "2", "200");
    respondents(responses, "W24", "01", "rural", 60, 30, "2", "200");
    respondents(responses, "W24", "02", "urban", 50, 25, "1", "300");
    respondents(responses, "W24", "02", "rural", 50, 25, "1", "300");
    respondents(responses, "W25", "01", "rural", 40, 40, "1", null);
    respondents(responses, "W25", "08", "rural", 35, 20, "1", null);
    respondents(responses, "W25", "01300", "rural", 31, 10, "1", null);
    responses.add("W24,bad1,01,30-44,male,urban,1,Q1,maybe");
    responses.add("W24,bad2,01,30-44,male,urban,1,Q2,abc");
    responses.add("W24,bad3,01,30-44,male,urban,1,Q2,500000");
    responses.add("W24,W24-01270-urban-0,04,30-44,female,urban,1,Q1,no");
    TestLanding landing = new TestLanding(tmp.resolve("landing"))
        .csv("regions", "regions.csv", "code,name,level,parent_code,valid_from,valid_to,special_area",
            "040,Huyện Bốn Mươi,district,04,2008-08-01,2025-06-30,",
            "042,Huyện Bốn Hai,district,04,2008-08-01,2025-06-30,",
            "01270,Xã Một Hai Bảy,commune,040,2008-08-01,2025-06-30,",
            "01300,Xã Một Ba,commune,04,2025-07-01,,")
        .csv("region_lineage", "l.csv", "old_code,new_code,effective_date,relation,weight",
            "01270,01300,2025-07-01,full,1")
        .csv("survey_waves", "w.csv", "wave_id,title,fieldwork_start,fieldwork_end,method,target_population",
            "W24,Điều tra 2024,2024-05-01,2024-05-31,Phỏng vấn,Người từ 18 tuổi",
            "W25,Điều tra 2025,2025-09-01,2025-09-30,Phỏng vấn,Người từ 18 tuổi")
        .csv("survey_questions", "q.csv", "wave_id,question_id,text,type,options,indicator",
            "W24,Q1,Có dự họp thôn?,yes_no,yes;no,attended_meeting",
            "W24,Q2,Tiền đóng góp (nghìn đồng),numeric,0;100000,contribution_kvnd",
            "W25,Q1,Có dự họp thôn?,yes_no,,attended_meeting")
        .csv("survey_responses", "r.csv", responses.toArray(String[]::new));
    lake = tmp.resolve("lake");
    report = LoadJob.run(spark, LoadConfig.of(landing.root(), lake, LocalDate.of(2025, 12, 31)), m -> { });
  }

  /** {@code count} respondents, the first {@code yes} answering Q1 yes; Q2 too when {@code q2} is given. */
  private static void respondents(List<String> out, String wave, String province, String residence, int count,
      int yes, String weight, String q2) {
    for (int i = 0; i < count; i++) {
      String head = wave + "," + wave + "-" + province + "-" + residence + "-" + i + "," + province
          + ",30-44,female," + residence + "," + weight + ",";
      out.add(head + "Q1," + (i < yes ? "yes" : "no"));
      if (q2 != null) {
        out.add(head + "Q2," + q2);
      }
    }
  }

  private static Dataset<Row> mart() {
    return spark.read().parquet(Lake.at(lake).currentSnapshot().orElseThrow()
        .resolve(SurveyMart.SURVEY_ESTIMATES).toString());
  }

  private static Row cell(String indicator, String wave, String boundaries, String region, String by,
      String stratum, String option) {
    String where = "indicator = '" + indicator + "' AND wave_id = '" + wave + "' AND boundaries = '" + boundaries
        + "' AND region_code = '" + region + "' AND `by` = '" + by + "' AND "
        + (stratum == null ? "stratum IS NULL" : "stratum = '" + stratum + "'") + " AND "
        + (option == null ? "option IS NULL" : "option = '" + option + "'");
    List<Row> rows = mart().where(where).collectAsList();
    assertThat(rows).as(where).hasSize(1);
    return rows.get(0);
  }

  @Test
  void answers_outside_their_question_and_repeated_answers_are_quarantined_and_counts_reconcile() {
    LoadReport.Counts r = report.tables().get(Table.SURVEY_RESPONSES);
    // W24: 289 respondents × 2 questions; W25: 106 × 1; 4 bad rows
    assertThat(r.read()).isEqualTo(289 * 2 + 106 + 4);
    assertThat(r.landed()).isEqualTo(289 * 2 + 106);
    assertThat(r.quarantinedByReason()).containsEntry(Reason.UNKNOWN_VOCABULARY, 1L)
        .containsEntry(Reason.BAD_TYPE, 2L).containsEntry(Reason.DUPLICATE_ID, 1L);
    assertThat(r.landed() + r.quarantined()).isEqualTo(r.read());
    List<String> checks = spark.read().parquet(Lake.quarantine(Lake.at(lake).currentSnapshot().orElseThrow(),
        Table.SURVEY_RESPONSES).toString()).selectExpr("concat(row_key, ' ', array_join(failed_checks, ','))")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(checks).containsExactlyInAnyOrder("W24|bad1|Q1 unknown_vocabulary:answer",
        "W24|bad2|Q2 bad_type:answer", "W24|bad3|Q2 bad_type:answer_range",
        "W24|W24-01270-urban-0|Q1 duplicate_id:wave_id+respondent_id+question_id");
  }

  /**
   * Nation, W24, Q1 yes: Σw = 69·1 + 120·2 + 100·1 = 409; yes Σw = (29 + 10) + (30 + 30)·2 + (25 + 25)
   * = 209: p = 209/409 = 0.511002. Σw² = 69 + 120·4 + 100 = 649: n_eff = 409² / 649 = 257.7519.
   * SE = √(0.511002 · 0.488998 / 257.7519) = 0.031136. Q2: (69·100 + 240·200 + 100·300) / 409
   * = 84,900 / 409 = 207.5795.
   */
  @Test
  void the_mart_holds_the_weighted_nation_figures_of_both_waves_and_their_change() {
    Row yes = cell("attended_meeting", "W24", "reported", "VN", "total", null, "yes");
    assertThat(yes.<Double>getAs("value")).isCloseTo(209.0 / 409, within(1e-12));
    assertThat(yes.<Long>getAs("n")).isEqualTo(289);
    assertThat(yes.<Double>getAs("n_eff")).isCloseTo(409.0 * 409 / 649, within(1e-9));
    assertThat(yes.<Double>getAs("se")).isCloseTo(0.031136, within(1e-6));
    assertThat(yes.<Double>getAs("ci_low")).isLessThan(209.0 / 409);
    assertThat(yes.<String>getAs("wave_title")).isEqualTo("Điều tra 2024");
    Row mean = cell("contribution_kvnd", "W24", "2025", "VN", "total", null, null);
    assertThat(mean.<String>getAs("statistic")).isEqualTo("mean");
    assertThat(mean.<Double>getAs("value")).isCloseTo(84_900.0 / 409, within(1e-9));
    // W25: 106 respondents, 40 + 20 + 10 = 70 yes: 0.660377; change 0.660377 − 0.511002 = 0.149375
    Row later = cell("attended_meeting", "W25", "reported", "VN", "total", null, "yes");
    assertThat(later.<Double>getAs("value")).isCloseTo(70.0 / 106, within(1e-12));
    assertThat(later.<String>getAs("previous_wave_id")).isEqualTo("W24");
    assertThat(later.<Double>getAs("change")).isCloseTo(70.0 / 106 - 209.0 / 409, within(1e-12));
    assertThat(later.<Double>getAs("change_p")).isBetween(0.0, 1.0);
    // restated onto 2025: old 02's 100 respondents are new 08's in W24 (25 + 25 yes of 100)
    Row restated = cell("attended_meeting", "W24", "2025", "08", "total", null, "yes");
    assertThat(restated.<Long>getAs("n")).isEqualTo(100);
    assertThat(restated.<Double>getAs("value")).isCloseTo(0.5, within(1e-12));
  }

  /**
   * W24 by residence: 04 urban (29) is withheld, 04 rural with it (04's strata), then 02's urban
   * (50 < 01's 60: the nation's urban column) and 02's rural (02's strata); restated, 04 and 08
   * (old 02) alike. The nation and 01 stay shown.
   */
  @Test
  void suppresses_the_29_respondent_cell_and_the_cells_that_would_reveal_it() {
    Row small = cell("attended_meeting", "W24", "reported", "04", "residence", "urban", "yes");
    assertThat(small.<Boolean>getAs("suppressed")).isTrue();
    assertThat(small.<String>getAs("suppression")).isEqualTo("primary");
    assertThat(small.<Object>getAs("value")).isNull();
    assertThat(small.<Object>getAs("n")).isNull();
    assertThat(cell("attended_meeting", "W24", "reported", "04", "residence", "rural", "yes")
        .<String>getAs("suppression")).isEqualTo("secondary");
    assertThat(cell("attended_meeting", "W24", "reported", "02", "residence", "urban", "no")
        .<String>getAs("suppression")).isEqualTo("secondary");
    assertThat(cell("attended_meeting", "W24", "2025", "08", "residence", "rural", "yes")
        .<Boolean>getAs("suppressed")).isTrue();
    assertThat(cell("attended_meeting", "W24", "reported", "01", "residence", "urban", "yes")
        .<Boolean>getAs("suppressed")).isFalse();
    Row total04 = cell("attended_meeting", "W24", "reported", "04", "total", null, "yes");
    assertThat(total04.<Long>getAs("n")).isEqualTo(69);
    assertThat(mart().where("suppressed AND (value IS NOT NULL OR ci_low IS NOT NULL OR n IS NOT NULL)").count())
        .isZero();
  }

  /**
   * Province 04 read by district and commune: 040 (29 respondents, all in commune 01270) is withheld,
   * and 042 with it (04 − 040 would reveal it); 01270 and, restated, 01300 (the same 29) too. In
   * W25, 01300 holds all of 04's 31 respondents: shown, the same figure as 04's. No reader shows a
   * withheld figure at these levels, and a province's account sees none of another's districts.
   */
  @Test
  void district_and_commune_cells_are_estimated_and_withheld_like_the_others() {
    assertThat(cell("attended_meeting", "W24", "reported", "040", "total", null, "yes")
        .<String>getAs("suppression")).isEqualTo("primary");
    assertThat(cell("attended_meeting", "W24", "reported", "042", "total", null, "yes")
        .<Boolean>getAs("suppressed")).isTrue();
    assertThat(cell("attended_meeting", "W24", "reported", "01270", "total", null, "yes")
        .<Boolean>getAs("suppressed")).isTrue();
    assertThat(cell("attended_meeting", "W24", "2025", "01300", "total", null, "yes")
        .<Boolean>getAs("suppressed")).isTrue();
    Row later = cell("attended_meeting", "W25", "reported", "01300", "total", null, "yes");
    assertThat(later.<Long>getAs("n")).isEqualTo(31);
    assertThat(later.<Double>getAs("value")).isCloseTo(10.0 / 31, within(1e-12));
    assertThat(later.<String>getAs("level")).isEqualTo("commune");
    assertThat(later.<Integer>getAs("min_respondents")).isEqualTo(30);
    assertThat(later.<Double>getAs("protection_level")).isEqualTo(0.5);
    try (Warehouse warehouse = Warehouse.open(Lake.at(lake))) {
      SurveyQueries queries = new SurveyQueries(warehouse, IndicatorCatalogue.load());
      EstimatesResult r = queries.estimates(RegionScope.country(), new EstimatesRequest("attended_meeting",
          List.of("040", "042", "01270"), Optional.of("W24"), Stratum.TOTAL, Boundaries.REPORTED));
      assertThat(r.minRespondents()).isEqualTo(30);
      assertThat(r.regions()).extracting(c -> c.level()).containsExactly("district", "district", "commune");
      assertThat(r.regions()).allSatisfy(region -> assertThat(region.cells()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.flags()).contains("suppressed");
        assertThat(c.value()).isNull();
        assertThat(c.n()).isNull();
      }));
      assertThat(queries.estimates(new RegionScope("04"), new EstimatesRequest("attended_meeting", List.of("01300"),
          Optional.of("W25"), Stratum.TOTAL, Boundaries.RESTATED_2025)).regions().get(0).cells()).isNotEmpty();
      assertThatThrownBy(() -> queries.estimates(new RegionScope("01"), new EstimatesRequest("attended_meeting",
          List.of("040"), Optional.of("W24"), Stratum.TOTAL, Boundaries.REPORTED)))
          .isInstanceOf(vn.danvan.warehouse.query.OutOfScopeException.class);
    }
  }

  /**
   * {@code survey audit} over the published snapshot: both rounds run again withhold exactly what
   * the mart withholds, and no withheld cell is left under the protection level; the mart is one
   * file in the order its readers expect.
   */
  @Test
  void the_audit_run_again_agrees_with_the_mart_and_the_mart_is_written_in_order() {
    Path snapshot = Lake.at(lake).currentSnapshot().orElseThrow();
    List<SurveyAudit.WaveAudit> waves = SurveyAudit.run(spark, snapshot);
    assertThat(waves).extracting(SurveyAudit.WaveAudit::waveId).containsExactly("W24", "W25");
    assertThat(waves).allSatisfy(w -> {
      assertThat(w.differing()).as(w.waveId()).isZero();
      assertThat(w.underProtected()).as(w.waveId()).isZero();
    });
    long withheld = mart().where("wave_id = 'W24' AND suppressed").selectExpr("indicator", "boundaries", "level",
        "region_code", "by", "stratum").distinct().count();
    assertThat(waves.get(0).firstRound() + waves.get(0).secondRound()).isPositive().isLessThanOrEqualTo(withheld);
    // column by column: a separator below every character of the keys
    List<String> keys = mart().selectExpr("concat_ws(char(1), indicator, boundaries, level, region_code, "
        + "cast(fieldwork_start as string), wave_id, `by`, coalesce(stratum, ''), coalesce(option, ''))")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(mart().inputFiles()).hasSize(1);
    assertThat(keys).hasSizeGreaterThan(100).isSorted();
  }

  @Test
  void the_warehouse_view_and_queries_never_show_a_suppressed_figure() {
    try (Warehouse warehouse = Warehouse.open(vn.danvan.contract.Lake.at(lake))) {
      long[] counts = warehouse.read(RegionScope.country(), s -> s.query(SUPPRESSED_FIGURES,
          row -> new long[] {row.getLong(1), row.getLong(2)}).get(0));
      assertThat(counts[0]).isGreaterThan(0);
      assertThat(counts[1]).isZero();
      EstimatesResult r = new SurveyQueries(warehouse, IndicatorCatalogue.load()).estimates(RegionScope.country(),
          new EstimatesRequest("attended_meeting", List.of("04"), Optional.of("W24"), Stratum.RESIDENCE, Boundaries.REPORTED));
      List<SurveyCell> cells = r.regions().get(0).cells();
      assertThat(cells).extracting(SurveyCell::stratum, SurveyCell::option, SurveyCell::flags).containsExactly(
          org.assertj.core.groups.Tuple.tuple("rural", "no", List.of("suppressed")),
          org.assertj.core.groups.Tuple.tuple("rural", "yes", List.of("suppressed")),
          org.assertj.core.groups.Tuple.tuple("urban", "no", List.of("suppressed")),
          org.assertj.core.groups.Tuple.tuple("urban", "yes", List.of("suppressed")));
      assertThat(cells).allSatisfy(c -> assertThat(c.value()).isNull());
      assertThat(r.waves()).extracting(w -> w.fieldworkStart()).containsExactly("2024-05-01");
    }
  }
}
