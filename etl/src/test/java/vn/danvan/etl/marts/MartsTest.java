package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.YearFolders;
import vn.danvan.etl.load.TestSpark;

/**
 * Checks the marts of {@link MartsFixture}'s hand-made landing folder against values worked out by
 * hand from its rows (the arithmetic is in each test).
 */
class MartsTest {
  static SparkSession spark;
  static final Map<String, Row> marts = new HashMap<>();
  static final Map<String, Row> regions = new HashMap<>();

  @BeforeAll
  static void load() {
    spark = TestSpark.start("marts-test");
    Path snapshot = MartsFixture.snapshot();
    for (Row r : spark.read().parquet(snapshot.resolve(MartsJob.INDICATOR_VALUES).toString()).collectAsList()) {
      String key = String.join("|", r.getAs("boundaries"), r.getAs("level"), r.getAs("region_code"),
          r.getAs("period"), r.getAs("indicator"));
      assertThat(marts.put(key, r)).as("one row per key: " + key).isNull();
    }
    for (Row r : spark.read().parquet(snapshot.resolve(MartsJob.MART_REGIONS).toString()).collectAsList()) {
      regions.put(r.getAs("boundaries") + "|" + r.getAs("region_code") + "|" + r.getAs("valid_from"), r);
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Double value(String boundaries, String level, String code, String period, String indicator) {
    Row r = marts.get(String.join("|", boundaries, level, code, period, indicator));
    return r == null ? null : r.getAs("value");
  }

  private static Row row(String boundaries, String level, String code, String period, String indicator) {
    return marts.get(String.join("|", boundaries, level, code, period, indicator));
  }

  /**
   * The roll-up's shuffle puts each family of indicators in a partition by its family as a column
   * computes it, and its groups by the family as Java computes it: the two must agree for every
   * indicator (a ratio split from an operand would lose its figures), and outside the catalogue.
   */
  @Test
  void an_indicator_s_family_is_the_same_as_a_column_and_in_java() {
    List<Indicator> catalogue = IndicatorCatalogue.load().all().stream().filter(i -> !i.isSurvey()).toList();
    RatioFamilies families = new RatioFamilies(catalogue);
    List<String> codes = new ArrayList<>(catalogue.stream().map(Indicator::code).toList());
    codes.add("not_in_the_catalogue");
    Map<String, String> asColumn = new HashMap<>();
    for (Row r : spark.createDataset(codes, Encoders.STRING()).toDF("indicator")
        .select(col("indicator"), families.familyOf(col("indicator"))).collectAsList()) {
      asColumn.put(r.getString(0), r.getString(1));
    }
    Map<String, String> inJava = new HashMap<>();
    codes.forEach(c -> inJava.put(c, families.familyOf(c)));
    assertThat(asColumn).isEqualTo(inJava);
    // ratios tie some indicators to another's family
    assertThat(codes.stream().filter(c -> !c.equals(inJava.get(c))).count()).isGreaterThan(0);
    assertThat(asColumn.get("not_in_the_catalogue")).isEqualTo("not_in_the_catalogue");
  }

  @Test
  void each_period_file_holds_its_rows_in_the_order_of_mode_indicator_level_and_code() {
    Path dir = MartsFixture.snapshot().resolve(MartsJob.INDICATOR_VALUES);
    java.util.List<Path> files = YearFolders.years(dir).stream()
        .flatMap(y -> YearFolders.files(dir.resolve(LakeSchema.YEAR + "=" + y)).stream()).toList();
    java.util.Comparator<Row> order = java.util.Comparator.<Row, String>comparing(r -> r.getAs("boundaries"))
        .thenComparing(r -> r.<String>getAs("indicator")).thenComparing(r -> r.<String>getAs("level"))
        .thenComparing(r -> r.<String>getAs("region_code"));
    long rows = 0;
    java.util.Set<String> modes = new java.util.HashSet<>();
    java.util.Set<String> levels = new java.util.HashSet<>();
    for (Path file : files) {
      // one small file is one task: its rows come back in the file's order
      java.util.List<Row> inFile = spark.read().parquet(file.toString()).collectAsList();
      assertThat(inFile.stream().map(r -> r.<String>getAs("period")).distinct()).as(file.toString()).hasSize(1);
      // named by its rows' period, in the folder of their year
      assertThat(file.getFileName().toString()).startsWith(YearFolders.periodTag(inFile.get(0).getAs("period")) + "-");
      assertThat(file.getParent().getFileName().toString())
          .isEqualTo(LakeSchema.YEAR + "=" + inFile.get(0).<Integer>getAs("year"));
      assertThat(inFile).as(file.toString()).isSortedAccordingTo(order);
      inFile.forEach(r -> {
        modes.add(r.getAs("boundaries"));
        levels.add(r.getAs("level"));
      });
      rows += inFile.size();
    }
    // every row of the mart was looked at, in files that mix modes, indicators, levels and codes
    assertThat(rows).isEqualTo(marts.size());
    assertThat(modes).containsExactlyInAnyOrder("reported", "2025");
    assertThat(levels).containsExactlyInAnyOrder("nation", "province", "district", "commune");
  }

  @Test
  void records_roll_up_communes_to_districts_provinces_and_the_nation() {
    // dialogues 2019: 00001 2, 00004 4, district 001's own record 1 -> 001 = 7; 00007 10 -> 002 = 10;
    // province 01 = 17; 00700 3 -> 024 = 3 -> province 02 = 3; nation = 20
    assertThat(value("reported", "commune", "00001", "2019", "dialogues")).isEqualTo(2.0);
    assertThat(value("reported", "district", "001", "2019", "dialogues")).isEqualTo(7.0);
    assertThat(value("reported", "district", "002", "2019", "dialogues")).isEqualTo(10.0);
    assertThat(value("reported", "province", "01", "2019", "dialogues")).isEqualTo(17.0);
    assertThat(value("reported", "province", "02", "2019", "dialogues")).isEqualTo(3.0);
    assertThat(value("reported", "nation", "VN", "2019", "dialogues")).isEqualTo(20.0);
    assertThat(row("reported", "province", "01", "2019", "dialogues").<String>getAs("source")).isEqualTo("records");
  }

  @Test
  void every_grain_sums_the_records_dated_in_its_periods() {
    // province 01, 2019: Mar 2, May 1 -> H1 3, Q1 2, Q2 1; Aug 4, Nov 10 -> H2 14, Q3 4, Q4 10
    assertThat(value("reported", "province", "01", "2019-H1", "dialogues")).isEqualTo(3.0);
    assertThat(value("reported", "province", "01", "2019-H2", "dialogues")).isEqualTo(14.0);
    assertThat(value("reported", "province", "01", "2019-Q1", "dialogues")).isEqualTo(2.0);
    assertThat(value("reported", "province", "01", "2019-Q2", "dialogues")).isEqualTo(1.0);
    assertThat(value("reported", "province", "01", "2019-Q4", "dialogues")).isEqualTo(10.0);
    assertThat(value("reported", "province", "01", "2019-03", "dialogues")).isEqualTo(2.0);
    assertThat(value("reported", "province", "01", "2019-04", "dialogues")).isNull();
    assertThat(marts.get("reported|province|01|2019-H1|dialogues").<String>getAs("grain")).isEqualTo("half");
  }

  @Test
  void activities_of_one_unit_commune_and_kind_in_one_month_add_up_even_on_the_same_day() {
    // a full build hands activities to the roll-up one by one (MartsJob): T1 and T2 share their
    // unit, commune, kind and day, T3 the month; sessions 2 + 3 + 4, participants 40 + 25 (T3 none)
    for (String period : new String[] {"2019-09", "2019-Q3", "2019-H2", "2019"}) {
      assertThat(value("reported", "commune", "00001", period, "tech_transfer_sessions")).as(period).isEqualTo(9.0);
      assertThat(value("reported", "province", "01", period, "tech_transfer_sessions")).as(period).isEqualTo(9.0);
      assertThat(value("2025", "province", "01", period, "tech_transfer_attendances")).as(period)
          .isEqualTo(65.0);
    }
    assertThat(value("reported", "commune", "00001", "2019-08", "tech_transfer_sessions")).isNull();
  }

  @Test
  void restating_moves_old_provinces_whole_into_their_new_province() {
    // 2019: new 01 = old 01 = 17; new 08 = old 02 = 3, exactly
    assertThat(value("2025", "province", "01", "2019", "dialogues")).isEqualTo(17.0);
    assertThat(value("2025", "province", "08", "2019", "dialogues")).isEqualTo(3.0);
    assertThat(row("2025", "province", "08", "2019", "dialogues").<Boolean>getAs("exact")).isTrue();
    assertThat(value("2025", "province", "02", "2019", "dialogues")).isNull();
    assertThat(value("2025", "district", "001", "2019", "dialogues")).isNull();
    assertThat(value("2025", "nation", "VN", "2019", "dialogues")).isEqualTo(20.0);
  }

  @Test
  void restating_moves_a_commune_that_changed_province_with_its_own_lineage() {
    // 2019 disaster relief: commune 00020 (old 02) 1, district 024 (old 02) 1; 00020 is now in
    // new 01's commune 00010, the district's record stays with old 02's successor 08
    assertThat(value("reported", "province", "02", "2019", "disaster_relief_activities")).isEqualTo(2.0);
    assertThat(value("2025", "commune", "00010", "2019", "disaster_relief_activities")).isEqualTo(1.0);
    assertThat(value("2025", "province", "01", "2019", "disaster_relief_activities")).isEqualTo(1.0);
    assertThat(row("2025", "province", "01", "2019", "disaster_relief_activities").<Boolean>getAs("exact")).isTrue();
    assertThat(value("2025", "province", "08", "2019", "disaster_relief_activities")).isEqualTo(1.0);
    assertThat(value("2025", "nation", "VN", "2019", "disaster_relief_activities")).isEqualTo(2.0);
    // below a report, a commune's figures are not routed on their own: briefings 2019 of new 01 are
    // old 01's 197 (military: the province's 100, not also 00001's 7 and 00004's 3; board: 001's
    // 95 and 00007's 2, which its lineage keeps in new 01)
    assertThat(value("2025", "province", "01", "2019", "briefing_conferences")).isEqualTo(197.0);
  }

  @Test
  void restating_apportions_partial_links_by_weight_else_population_and_says_so() {
    // new 00004 = 00001 whole (2) + 0.75 x 00004 (4) + 0.6 x 00007 (10) = 2 + 3 + 6 = 11
    // new 00010 = 0.25 x 4 + 0.4 x 10 = 1 + 4 = 5
    assertThat(value("2025", "commune", "00004", "2019", "dialogues")).isCloseTo(11.0, within(1e-9));
    assertThat(value("2025", "commune", "00010", "2019", "dialogues")).isCloseTo(5.0, within(1e-9));
    Row r = row("2025", "commune", "00004", "2019", "dialogues");
    assertThat(r.<Boolean>getAs("exact")).isFalse();
    assertThat(r.<String>getAs("method")).isEqualTo("population");
    // 00007 alone (weights) reaches only through its weighted links: 2019-11 is 10 there
    assertThat(row("2025", "commune", "00010", "2019-11", "dialogues").<String>getAs("method")).isEqualTo("weight");
    assertThat(value("2025", "commune", "00010", "2019-11", "dialogues")).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void the_2025_break_is_counted_once_in_both_modes() {
    // 2025: old 00004 in February 8 (old era), new 00010 in September 5
    // reported: code 00004 is one series (8); 00010 5; district 001 8; province 01 = 5 + 8 = 13
    assertThat(value("reported", "commune", "00004", "2025", "dialogues")).isEqualTo(8.0);
    assertThat(value("reported", "commune", "00010", "2025", "dialogues")).isEqualTo(5.0);
    assertThat(value("reported", "district", "001", "2025", "dialogues")).isEqualTo(8.0);
    assertThat(value("reported", "province", "01", "2025", "dialogues")).isEqualTo(13.0);
    assertThat(value("reported", "province", "01", "2025-H1", "dialogues")).isEqualTo(8.0);
    assertThat(value("reported", "province", "01", "2025-H2", "dialogues")).isEqualTo(5.0);
    // restated: 00004 = 0.75 x 8 = 6; 00010 = 5 + 0.25 x 8 = 7; province 01 = 13; nation 13
    assertThat(value("2025", "commune", "00004", "2025", "dialogues")).isCloseTo(6.0, within(1e-9));
    assertThat(value("2025", "commune", "00010", "2025", "dialogues")).isCloseTo(7.0, within(1e-9));
    assertThat(value("2025", "province", "01", "2025", "dialogues")).isEqualTo(13.0);
    assertThat(value("2025", "nation", "VN", "2025", "dialogues")).isEqualTo(13.0);
  }

  @Test
  void the_nearest_report_wins_over_shorter_periods_sub_units_and_records() {
    // district 001, 2019: military H1 report 30 (its commune's Q1 report 7 and records are below
    // it); board year report 95 stands for its H1 40 and H2 50 -> 125
    assertThat(value("reported", "district", "001", "2019", "briefing_conferences")).isEqualTo(125.0);
    // district 002: only the board's record of 2 sessions
    assertThat(value("reported", "district", "002", "2019", "briefing_conferences")).isEqualTo(2.0);
    // province 01: military year report 100; board has none -> 95 (001) + 2 (002) = 197
    assertThat(value("reported", "province", "01", "2019", "briefing_conferences")).isEqualTo(197.0);
    assertThat(row("reported", "province", "01", "2019", "briefing_conferences").<String>getAs("source"))
        .isEqualTo("mixed");
    assertThat(value("reported", "commune", "00001", "2019", "briefing_conferences")).isEqualTo(7.0);
    assertThat(value("reported", "commune", "00004", "2019", "briefing_conferences")).isEqualTo(3.0);
    assertThat(value("2025", "nation", "VN", "2019", "briefing_conferences")).isEqualTo(197.0);
  }

  @Test
  void a_year_report_is_never_split_and_shorter_reports_fill_the_finer_grains() {
    // H1: 001 military 30 + board 40 = 70; province 01: military (its year report cannot be
    // split) 30 from 001, board 40 + 2 (002, February) = 72
    assertThat(value("reported", "district", "001", "2019-H1", "briefing_conferences")).isEqualTo(70.0);
    assertThat(value("reported", "province", "01", "2019-H1", "briefing_conferences")).isEqualTo(72.0);
    assertThat(value("reported", "district", "001", "2019-H2", "briefing_conferences")).isEqualTo(50.0);
    // Q1: 001 has no Q1 report of its own -> 00001's military Q1 report 7; province adds 002's 2
    assertThat(value("reported", "district", "001", "2019-Q1", "briefing_conferences")).isEqualTo(7.0);
    assertThat(value("reported", "province", "01", "2019-Q1", "briefing_conferences")).isEqualTo(9.0);
    // the 2016-2020 programme report is no calendar period: not in the marts
    assertThat(value("reported", "province", "01", "2016", "briefing_conferences")).isNull();
  }

  @Test
  void ratios_are_computed_from_their_parts_not_taken_from_reported_ratios() {
    // 226 / 431 = 52.436...% (the report said 52.49)
    assertThat(value("reported", "province", "01", "2019", "new_rural_share"))
        .isCloseTo(100.0 * 226 / 431, within(1e-9));
    assertThat(value("2025", "nation", "VN", "2019", "new_rural_share")).isCloseTo(100.0 * 226 / 431, within(1e-9));
    assertThat(value("reported", "province", "01", "2019-H1", "new_rural_share")).isNull();
  }

  @Test
  void disaggregated_reports_feed_their_own_indicators_and_models_count_by_year() {
    // district 001's report: 10 new models, 8 of them collective; 002 has 2 model records (00007)
    assertThat(value("reported", "district", "001", "2019", "models_new")).isEqualTo(10.0);
    assertThat(value("reported", "district", "001", "2019", "models_new_collective")).isEqualTo(8.0);
    assertThat(value("reported", "district", "002", "2019", "models_new")).isEqualTo(2.0);
    assertThat(value("reported", "district", "002", "2019", "models_recognized")).isEqualTo(1.0);
    assertThat(value("reported", "district", "002", "2019", "models_new_economic")).isEqualTo(1.0);
    assertThat(value("reported", "province", "01", "2019", "models_new")).isEqualTo(12.0);
    assertThat(value("reported", "district", "002", "2019-H1", "models_new")).isNull();
  }

  @Test
  void posts_count_their_latest_snapshot_in_the_local_period_of_publishing() {
    // P1 latest snapshot: 9 shares, 30 reactions; P2 published 2019-12-31 23:30 Vietnam time: 1, 4
    assertThat(value("reported", "commune", "00001", "2019", "outreach_posts")).isEqualTo(2.0);
    assertThat(value("reported", "commune", "00001", "2019", "outreach_shares")).isEqualTo(10.0);
    assertThat(value("reported", "province", "01", "2019", "outreach_reactions")).isEqualTo(34.0);
    assertThat(value("reported", "province", "01", "2019-Q4", "outreach_posts")).isEqualTo(1.0);
    assertThat(value("reported", "province", "01", "2020", "outreach_posts")).isNull();
    assertThat(value("reported", "province", "01", "2019", "outreach_interactions_per_post")).isEqualTo(17.0);
  }

  @Test
  void mart_regions_names_both_modes_units_and_the_nation() {
    assertThat(regions.get("reported|00004|2008-08-01").<String>getAs("name")).isEqualTo("Xã A4");
    assertThat(regions.get("reported|00004|2025-07-01").<String>getAs("parent_code")).isEqualTo("01");
    assertThat(regions.get("2025|00004|2025-07-01").<String>getAs("name")).isEqualTo("Phường Bốn");
    assertThat(regions.keySet()).noneMatch(k -> k.startsWith("2025|001|"));
    assertThat(regions.get("2025|VN|null").<String>getAs("name")).isEqualTo("Việt Nam");
    assertThat(regions.values().stream().filter(r -> r.getAs("boundaries").equals("2025")
        && r.getAs("level").equals("province")).count()).isEqualTo(34);
  }
}
