package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRule;
import vn.danvan.contract.checks.RowRules;

/**
 * One load of a hand-made landing folder with one planted row per quarantine reason (CSV, JSON
 * Lines and XLSX), checked row by row in the lake, the quarantine and the report.
 */
class LoadJobTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

  @TempDir
  static Path tmp;
  static SparkSession spark;
  static LoadReport report;
  static Path snapshot;
  static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void load() {
    spark = TestSpark.start("load-job-test");
    TestLanding landing = planted(new TestLanding(tmp.resolve("landing")));
    Path lake = tmp.resolve("lake");
    report = LoadJob.run(spark, LoadConfig.of(landing.root(), lake, AS_OF), progress::add);
    snapshot = Lake.at(lake).currentSnapshot().orElseThrow();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static TestLanding planted(TestLanding landing) {
    return landing.regions()
        .csv("region_lineage", "lineage.csv", "old_code,new_code,effective_date,relation,weight",
            "001,00004,2025-07-01,partial,", "00004,00004,2025-07-01,full,1",
            "001,00005,2025-07-01,partial,1.5")
        .csv("population", "population.csv", "region_code,year,population", "01,2024,8500000",
            "01,2025,8600000")
        .csv("campaigns", "campaigns.csv", "campaign_code,name,movement,start_date,end_date,owner_unit",
            "DVK,Dân vận khéo,Dân vận khéo,2009-01-01,,mobilization_board",
            "BAD,Chiến dịch lỗi,,2020-01-01,,army")
        .csv("campaign_targets", "targets.csv", "campaign_code,region_code,year,indicator,target_value",
            "DVK,01,2024,models_new,100", "DVK,01,2024,not_in_catalogue,5", "BAD,01,2024,models_new,5")
        .csv("report_values", "2024/h1.csv",
            "report_id,region_code,period_start,period_end,unit,indicator,disaggregation,value,source_document",
            "R01,01,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,163,BC 12/2024",
            "R02,01,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,163,x,extra",
            "R03,01,2024-01-01,2024-06-30,,briefing_conferences,,1,",
            "R04,01,2024-01-01,2024-06-30,police,briefing_conferences,,abc,",
            "R05,01,2024-01-01,2024-06-30,army,briefing_conferences,,1,",
            "R06,01,2024-01-01,2024-06-30,police,foo_bar,,1,",
            "R07,01,2025-07-01,2025-10-31,police,gifts,,1,",
            "R08,01,2024-01-01,2024-06-30,police,gifts,,-5,",
            "R09,99,2024-01-01,2024-06-30,police,gifts,,1,",
            "R10,001,2025-07-01,2025-09-30,police,gifts,,1,",
            "R01,01,2024-01-01,2024-06-30,police,gifts,,7,",
            "R11,01,2024-01-01,2024-06-30,army,gifts,,-1,",
            "R12,00004,2025-06-01,2025-07-31,police,gifts,scope=collective,2,",
            "R13,01,2024-06-30,2024-01-01,police,gifts,,2,",
            "R14,01,2024-01-01,2024-06-30,police,gifts,,4.494,",
            "R15,01,2024-01-01,2024-06-30,police,gifts,,20.5,")
        // Excel's "Unicode Text": UTF-16 with tabs, read from its UTF-8 copy
        .unicodeText("campaign_targets", "targets-unicode.csv",
            "campaign_code\tregion_code\tyear\tindicator\ttarget_value",
            "DVK\t01\t2025\tmodels_new\t12", "DVK\t01\t2025\tgifts\t1.234.567")
        .xlsx("activities", "activities.xlsx", List.of("activity_id", "unit", "Region code",
                "start_date", "end_date", "activity_type", "campaign_code", "sessions", "participants",
                "quantity", "man_days", "value_vnd", "note"),
            List.of(TestLanding.cells("A1", "military", "01", LocalDate.of(2024, 3, 5), null,
                    "house_support", "DVK", 1, 20, 2, 40, 150_000_000L, "sửa nhà"),
                TestLanding.cells("A2", "military", "01", LocalDate.of(2024, 3, 6), null,
                    "house_support", "BAD", 1, 20, 2, 40, null, null),
                TestLanding.cells("A3", "military", "01", LocalDate.of(2024, 3, 7), null,
                    "house_support", "DVK", 1, new TestLanding.Formula("10+10", 20.0), 2, 40, 5_000_000L, null),
                TestLanding.cells("A4", "military", "01", LocalDate.of(2024, 3, 8), null,
                    "house_support", "DVK", 1, new TestLanding.Formula("10+10", null), 2, 40, null, null)))
        .csv("models", "models.csv", "model_id,region_code,year,field,scope,status,mobilized_vnd,name",
            "M1,01,2024,economic,collective,recognized,4300000000,Mô hình",
            "M2,01,1999,economic,collective,recognized,,Mô hình cũ")
        .jsonl("models", "more.jsonl",
            "{\"model_id\":\"M3\",\"region_code\":\"01\",\"year\":2024,\"field\":\"economics\","
                + "\"scope\":\"collective\",\"status\":\"recognized\"}",
            "{\"model_id\":\"M4\",\"region_code\":\"01\",\"year\":2024,\"field\":\"economic\","
                + "\"scope\":\"individual\",\"status\":\"registered\",\"mobilized_vnd\":1500000}",
            "{\"model_id\":\"M5\", broken")
        .jsonl("posts", "posts.jsonl",
            post("P1", "2024-12-31T17:30:00Z"), post("P2", "2024-12-31T16:59:59Z"),
            post("P3", "2024-12-31 10:00:00"))
        .csv("post_metrics", "metrics.csv", "post_id,observed_at,shares,comments,reactions,views",
            "P1,2025-01-02T00:00:00+07:00,5,3,40,", "P1,2025-01-03T00:00:00+07:00,4,3,45,100",
            "P1,2025-01-01T23:00:00Z,6,3,50,", "P9,2025-01-02T00:00:00+07:00,1,1,1,",
            "P2,2024-12-30T00:00:00+07:00,1,1,1,")
        .csv("survey_waves", "waves.csv", "wave_id,title,fieldwork_start,fieldwork_end,method,target_population",
            "W1,Khảo sát 2024,2024-05-01,2024-05-31,face-to-face,adults")
        .csv("survey_questions", "questions.csv", "wave_id,question_id,text,type,options,indicator",
            "W1,Q1,\"Bạn có hài lòng, nói chung?\",likert5,1;2;3;4;5,satisfaction",
            "W9,Q1,Câu hỏi,likert5,,")
        .jsonl("survey_responses", "responses.jsonl", response("a1", "01", "1.2", "Q1"),
            response("a2", "01", "0", "Q1"), response("a3", "01", "1", "Q7"),
            response("a4", "00005", "1", "Q1"), "this is a broken line {");
  }

  static String post(String id, String publishedAt) {
    return "{\"post_id\":\"" + id + "\",\"unit\":\"military\",\"team\":\"LL47\",\"region_code\":\"01\","
        + "\"platform\":\"Facebook\",\"channel\":\"Trang LL47\",\"published_at\":\"" + publishedAt
        + "\",\"topic\":\"law\",\"format\":\"image\"}";
  }

  static String response(String respondent, String region, String weight, String question) {
    return "{\"wave_id\":\"W1\",\"respondent_id\":\"" + respondent + "\",\"region_code\":\"" + region
        + "\",\"age_group\":\"18-29\",\"sex\":\"female\",\"residence\":\"urban\",\"weight\":" + weight
        + ",\"question_id\":\"" + question + "\",\"answer\":\"4\"}";
  }

  static List<Row> rows(Path snapshot, Table table, String... columns) {
    return spark.read().parquet(Lake.table(snapshot, table).toString())
        .selectExpr(columns).orderBy(columns[0]).collectAsList();
  }

  @Test
  void quarantines_each_planted_row_under_its_first_failing_reason() {
    List<Tuple> quarantined = new ArrayList<>();
    for (Table t : Table.values()) {
      Path dir = Lake.quarantine(snapshot, t);
      if (Files.isDirectory(dir)) {
        spark.read().parquet(dir.toString()).collectAsList().forEach(r ->
            quarantined.add(tuple(t.folder(), r.getAs("row_key"), r.getAs("reason"))));
      }
    }
    assertThat(quarantined).containsExactlyInAnyOrder(
        tuple("region_lineage", "001|00005|2025-07-01", "bad_type"),
        tuple("campaigns", "BAD", "unknown_vocabulary"),
        tuple("campaign_targets", "DVK|01|2024|not_in_catalogue", "unknown_indicator"),
        tuple("campaign_targets", "BAD|01|2024|models_new", "unknown_reference"),
        tuple("report_values", "R02", "malformed_row"),
        tuple("report_values", "R03", "missing_value"),
        tuple("report_values", "R04", "bad_type"),
        tuple("report_values", "R05", "unknown_vocabulary"),
        tuple("report_values", "R06", "unknown_indicator"),
        tuple("report_values", "R07", "date_out_of_range"),
        tuple("report_values", "R08", "negative_value"),
        tuple("report_values", "R09", "unknown_region"),
        tuple("report_values", "R10", "region_not_valid_on_date"),
        tuple("report_values", "R01", "duplicate_id"),
        tuple("report_values", "R11", "unknown_vocabulary"),
        tuple("report_values", "R13", "date_out_of_range"),
        tuple("report_values", "R14", "thousands_separator"),
        tuple("report_values", "R15", "not_whole_number"),
        tuple("campaign_targets", "DVK|01|2025|gifts", "thousands_separator"),
        tuple("activities", "A4", "formula_without_result"),
        tuple("activities", "A2", "unknown_reference"),
        tuple("models", "M2", "date_out_of_range"),
        tuple("models", "M3", "unknown_vocabulary"),
        tuple("models", "", "malformed_row"),
        tuple("posts", "P3", "bad_type"),
        tuple("post_metrics", "P9|2025-01-02T00:00:00+07:00", "unknown_post"),
        tuple("post_metrics", "P2|2024-12-30T00:00:00+07:00", "date_out_of_range"),
        tuple("survey_questions", "W9|Q1", "unknown_reference"),
        tuple("survey_responses", "W1|a2|Q1", "non_positive_weight"),
        tuple("survey_responses", "W1|a3|Q7", "unknown_reference"),
        tuple("survey_responses", "W1|a4|Q1", "region_not_valid_on_date"),
        tuple("survey_responses", "||", "malformed_row"));
  }

  @Test
  void a_quarantined_row_lists_every_failed_check_its_file_and_its_raw_values() throws Exception {
    Row r11 = spark.read().parquet(Lake.quarantine(snapshot, Table.REPORT_VALUES).toString())
        .filter("row_key = 'R11'").first();
    assertThat(r11.getList(r11.fieldIndex("failed_checks")))
        .containsExactly("unknown_vocabulary:unit", "negative_value:value");
    assertThat((String) r11.getAs("source_file")).isEqualTo("report_values/2024/h1.csv");
    JsonNode record = new ObjectMapper().readTree((String) r11.getAs("record"));
    assertThat(record.path("unit").asText()).isEqualTo("army");
    assertThat(record.path("value").asText()).isEqualTo("-1");
    assertThat(record.has("disaggregation")).as("empty values are left out").isFalse();

    Row broken = spark.read().parquet(Lake.quarantine(snapshot, Table.SURVEY_RESPONSES).toString())
        .filter("reason = 'malformed_row'").first();
    assertThat(new ObjectMapper().readTree((String) broken.getAs("record")).path("_line").asText())
        .isEqualTo("this is a broken line {");
  }

  /**
   * The contract's plain-Java row checks (an upload's dry run) and the load's Spark conditions are
   * two evaluators of one list of rules: on every row of the landing folder they fail the same
   * checks, in the same order (the load's checks against other tables and duplicates aside), and
   * warn the rows that land alike.
   */
  @Test
  void the_plain_row_checks_fail_every_row_exactly_as_the_load_did() {
    List<PlainRowChecks.Verdict> plain = PlainRowChecks.check(tmp.resolve("landing"), AS_OF,
        Catalogue.indicators());
    List<String> byPlain = new ArrayList<>();
    plain.stream().filter(v -> !v.failed().isEmpty())
        .forEach(v -> byPlain.add(v.table().folder() + " " + v.rowKey() + " " + v.failed()));
    List<String> bySpark = new ArrayList<>();
    Set<String> quarantinedKeys = new HashSet<>();
    for (Table t : Table.values()) {
      Set<String> rowChecks = new HashSet<>(RowRules.of(t).stream()
          .map(RowRule::name).toList());
      Path dir = Lake.quarantine(snapshot, t);
      if (Files.isDirectory(dir)) {
        for (Row r : spark.read().parquet(dir.toString()).collectAsList()) {
          quarantinedKeys.add(t.folder() + " " + r.getAs("row_key"));
          List<String> failed = r.<String>getList(r.fieldIndex("failed_checks")).stream()
              .filter(rowChecks::contains).toList();
          if (!failed.isEmpty()) {
            bySpark.add(t.folder() + " " + r.getAs("row_key") + " " + failed);
          }
        }
      }
    }
    assertThat(byPlain).containsExactlyInAnyOrderElementsOf(bySpark).hasSizeGreaterThan(15);

    Map<String, Long> warned = new TreeMap<>();
    plain.stream().filter(v -> v.failed().isEmpty()
            && !quarantinedKeys.contains(v.table().folder() + " " + v.rowKey()))
        .forEach(v -> v.warnings().forEach(w -> warned.merge(v.table().folder() + " " + w, 1L, Long::sum)));
    Map<String, Long> reported = new TreeMap<>();
    report.tables().forEach((t, c) -> c.warnings().forEach((w, n) -> reported.put(t.folder() + " " + w, n)));
    assertThat(warned).isEqualTo(reported).isNotEmpty();
  }

  /**
   * The goal of the intake: an upload's dry run flags exactly the rows this load quarantined, for
   * the same reason and with the same failed checks, in CSV, JSON Lines and XLSX alike.
   */
  @Test
  void the_dry_run_flags_exactly_the_rows_the_load_quarantined_with_the_same_reasons() {
    List<String> quarantined = DryRunAgreement.quarantine(spark, snapshot);
    assertThat(DryRunAgreement.dryRun(spark, tmp.resolve("landing"), snapshot, AS_OF))
        .containsExactlyInAnyOrderElementsOf(quarantined);
    assertThat(quarantined).hasSizeGreaterThan(15)
        .anySatisfy(l -> assertThat(l).startsWith("models M3 unknown_vocabulary"))
        .anySatisfy(l -> assertThat(l).startsWith("activities A2 unknown_reference"));
  }

  @Test
  void the_first_row_of_a_duplicated_key_lands_and_later_ones_are_quarantined() {
    assertThat(rows(snapshot, Table.REPORT_VALUES, "report_id", "unit", "value"))
        .extracting(r -> r.getString(0), r -> r.getString(1), r -> r.getDouble(2))
        .containsExactly(tuple("R01", "mobilization_board", 163.0), tuple("R12", "police", 2.0));
  }

  @Test
  void timestamps_land_on_their_local_date_in_vietnam_and_partition_by_its_year() {
    assertThat(rows(snapshot, Table.POSTS, "post_id", "published_date", "year", "platform"))
        .extracting(r -> r.getString(0), r -> r.getDate(1), r -> r.getInt(2), r -> r.getString(3))
        .containsExactly(tuple("P1", Date.valueOf("2025-01-01"), 2025, "facebook"),
            tuple("P2", Date.valueOf("2024-12-31"), 2024, "facebook"));
    assertThat(snapshot.resolve("posts/year=2024")).isDirectory();
    assertThat(snapshot.resolve("posts/year=2025")).isDirectory();
    assertThat(rows(snapshot, Table.POST_METRICS, "observed_date", "shares", "decreasing"))
        .extracting(r -> r.getDate(0).toString(), r -> r.getLong(1), r -> r.getBoolean(2))
        .containsExactlyInAnyOrder(tuple("2025-01-02", 5L, false), tuple("2025-01-02", 6L, false),
            tuple("2025-01-03", 4L, true));
  }

  @Test
  void workbook_cells_are_typed_like_csv_text() {
    assertThat(rows(snapshot, Table.ACTIVITIES, "activity_id", "region_code", "start_date",
        "participants", "value_vnd", "year"))
        .extracting(r -> r.getString(0), r -> r.getString(1), r -> r.getDate(2).toString(),
            r -> r.getLong(3), r -> r.getLong(4), r -> r.getInt(5))
        .containsExactly(tuple("A1", "01", "2024-03-05", 20L, 150_000_000L, 2024),
            tuple("A3", "01", "2024-03-07", 20L, 5_000_000L, 2024));
  }

  @Test
  void a_formula_lands_as_its_cached_result_and_one_without_result_is_quarantined_never_as_zero()
      throws Exception {
    Row a4 = spark.read().parquet(Lake.quarantine(snapshot, Table.ACTIVITIES).toString())
        .filter("row_key = 'A4'").first();
    assertThat(a4.getList(a4.fieldIndex("failed_checks"))).containsExactly(
        "formula_without_result:participants", "bad_type:participants");
    assertThat(new ObjectMapper().readTree((String) a4.getAs("record")).path("participants").asText())
        .isEqualTo("=10+10");
  }

  @Test
  void a_unicode_text_file_from_excel_is_loaded_from_its_utf8_copy_and_named_as_sent() {
    assertThat(rows(snapshot, Table.CAMPAIGN_TARGETS, "indicator", "year", "target_value"))
        .extracting(r -> r.getString(0) + " " + r.getInt(1) + " " + r.getDouble(2))
        .containsExactlyInAnyOrder("models_new 2024 100.0", "models_new 2025 12.0");
    Row gifts = spark.read().parquet(Lake.quarantine(snapshot, Table.CAMPAIGN_TARGETS).toString())
        .filter("reason = 'thousands_separator'").first();
    assertThat((String) gifts.getAs("source_file")).isEqualTo("campaign_targets/targets-unicode.csv");
  }

  @Test
  void vocabulary_codes_are_stored_in_lower_case_and_regions_reused_across_the_reform_both_land() {
    assertThat(rows(snapshot, Table.REGIONS, "code", "level", "special_area", "valid_from"))
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getDate(3))
        .containsExactlyInAnyOrder("00004 commune null 2008-08-01", "00004 commune null 2025-07-01",
            "00005 commune mountain;ethnic_minority 2025-07-01", "001 district null 2008-08-01");
  }

  @Test
  void the_report_reconciles_every_table_and_counts_reasons_and_warnings() {
    assertThat(report.tables()).hasSize(Table.values().length);
    report.tables().values().forEach(c ->
        assertThat(c.read()).isEqualTo(c.landed() + c.quarantined()));
    LoadReport.Counts rv = report.tables().get(Table.REPORT_VALUES);
    assertThat(rv.read()).isEqualTo(16);
    assertThat(rv.landed()).isEqualTo(2);
    assertThat(rv.rowsInLake()).isEqualTo(2);
    assertThat(rv.quarantinedByReason()).containsEntry(Reason.DATE_OUT_OF_RANGE, 2L)
        .containsEntry(Reason.UNKNOWN_VOCABULARY, 2L).containsEntry(Reason.DUPLICATE_ID, 1L)
        .containsEntry(Reason.THOUSANDS_SEPARATOR, 1L).containsEntry(Reason.NOT_WHOLE_NUMBER, 1L)
        .hasSize(12);
    assertThat(report.tables().get(Table.REGION_LINEAGE).warnings())
        .isEqualTo(Map.of("partial_link_without_weight", 1L));
    assertThat(report.totalRead()).isEqualTo(report.totalLanded() + report.totalQuarantined());
  }

  @Test
  void the_benchmark_s_checked_read_judges_every_row_as_the_load_did_before_duplicates() {
    Map<Table, CheckedRead.Counted> checked = CheckedRead.run(spark, tmp.resolve("landing"), snapshot, AS_OF);
    Map<Table, CheckedRead.Counted> loaded = new java.util.EnumMap<>(Table.class);
    report.tables().forEach((table, c) -> {
      if (c.read() > 0) {
        loaded.put(table, CheckedRead.Counted.ofLoad(c.read(), c.landed(),
            c.quarantinedByReason().getOrDefault(Reason.DUPLICATE_ID, 0L)));
      }
    });
    assertThat(checked).isEqualTo(loaded);
    assertThat(checked.get(Table.REPORT_VALUES)).isEqualTo(new CheckedRead.Counted(16, 3));
  }

  @Test
  void the_report_file_has_every_table_with_its_counts() throws Exception {
    JsonNode json = new ObjectMapper().readTree(Lake.report(snapshot).toFile());
    assertThat(json.path("snapshot").asText()).isEqualTo(snapshot.getFileName().toString());
    assertThat(json.path("previous").isNull()).isTrue();
    assertThat(json.path("as_of").asText()).isEqualTo("2025-09-30");
    assertThat(json.path("tables").size()).isEqualTo(Table.values().length);
    JsonNode rv = json.path("tables").path("report_values");
    assertThat(rv.path("read").asLong()).isEqualTo(16);
    assertThat(rv.path("landed").asLong()).isEqualTo(2);
    assertThat(rv.path("quarantined").asLong()).isEqualTo(14);
    assertThat(rv.path("quarantined_by_reason").path("malformed_row").asLong()).isEqualTo(1);
    assertThat(rv.path("rows_in_lake").asLong()).isEqualTo(2);
    assertThat(json.path("totals").path("read").asLong()).isEqualTo(report.totalRead());
  }

  @Test
  void the_marts_take_a_shuffle_partition_per_half_million_rows_they_read_and_the_session_gets_its_own_back() {
    assertThat(LoadJob.martPartitions(4, 0)).isEqualTo(4);
    assertThat(LoadJob.martPartitions(4, 2_000_000)).isEqualTo(4);
    assertThat(LoadJob.martPartitions(4, 2_000_001)).isEqualTo(5);
    // a scale-20 landing's 39,023,143 rows landed
    assertThat(LoadJob.martPartitions(4, 39_023_143)).isEqualTo(79);
    assertThat(LoadJob.martPartitions(4, 1L << 40)).isEqualTo(1_000);
    // the first load's marts read what it landed, far fewer than half a million rows, and the
    // session was told 2 (TestSpark)
    assertThat(report.totalLanded()).isLessThan(LoadJob.MART_PARTITION_ROWS);
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
  }

  @Test
  void progress_names_each_phase_in_order() {
    assertThat(progress).contains("reading report_values (1 file)", "writing report_values",
        "publishing", "published snapshot " + snapshot.getFileName());
    assertThat(progress.indexOf("reading post_metrics (1 file)"))
        .isGreaterThan(progress.indexOf("writing posts"));
    assertThat(progress.get(progress.size() - 2)).isEqualTo("publishing");
  }

  @Test
  void fact_tables_are_zstd_parquet_partitioned_by_year() throws Exception {
    try (Stream<Path> files = Files.walk(snapshot.resolve("report_values"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
          .isNotEmpty().allMatch(n -> n.contains(".zstd."));
    }
    assertThat(snapshot.resolve("report_values/year=2024")).isDirectory();
    assertThat(snapshot.resolve("report_values/year=2025")).isDirectory();
    // dated by day: each file one month, named by it; models are dated by year
    try (Stream<Path> files = Files.list(snapshot.resolve("report_values/year=2024"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
          .isNotEmpty().allMatch(n -> n.matches("m(0[1-9]|1[0-2])-part-.*"));
    }
    try (Stream<Path> files = Files.walk(snapshot.resolve("models"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
          .isNotEmpty().allMatch(n -> n.startsWith("part-"));
    }
    assertThat(spark.read().parquet(snapshot.resolve("regions").toString()).schema().fieldNames())
        .containsExactly("code", "name", "level", "parent_code", "valid_from", "valid_to", "special_area");
  }
}
