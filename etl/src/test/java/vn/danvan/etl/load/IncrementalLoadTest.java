package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

/**
 * Loads into one lake: A, then B (a changed report value, new metrics of a post that only A had),
 * then B again, then a report value as it was, then a new report of another quarter of the same
 * year. Every snapshot is complete on its own; the newer load wins per key.
 */
class IncrementalLoadTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
  static final String HEADER =
      "report_id,region_code,period_start,period_end,unit,indicator,disaggregation,value,source_document";

  @TempDir
  static Path tmp;
  static SparkSession spark;
  static Lake lake;
  static LoadReport first;
  static LoadReport second;
  static LoadReport again;
  static LoadReport unchanged;
  static LoadReport nextQuarter;

  @BeforeAll
  static void threeLoads() {
    spark = TestSpark.start("incremental-load-test");
    lake = Lake.at(tmp.resolve("lake"));
    Path a = new TestLanding(tmp.resolve("a"))
        .csv("report_values", "a.csv", HEADER,
            "R1,01,2024-01-01,2024-06-30,police,gifts,,10,",
            "R2,79,2024-01-01,2024-06-30,police,gifts,,20,",
            "R3,01,2023-01-01,2023-12-31,police,gifts,,5,")
        .jsonl("posts", "posts.jsonl", LoadJobTest.post("P1", "2025-01-01T08:00:00+07:00"))
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views",
            "P1,2025-01-02T08:00:00+07:00,10,5,100,")
        .root();
    Path b = new TestLanding(tmp.resolve("b"))
        .csv("report_values", "b.csv", HEADER, "R1,01,2024-01-01,2024-06-30,police,gifts,,11,")
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views",
            "P1,2025-01-03T08:00:00+07:00,9,6,120,", "P9,2025-01-03T08:00:00+07:00,1,1,1,")
        .root();
    first = LoadJob.run(spark, LoadConfig.of(a, lake.root(), AS_OF), Progress.silent());
    second = LoadJob.run(spark, LoadConfig.of(b, lake.root(), AS_OF), Progress.silent());
    again = LoadJob.run(spark, LoadConfig.of(b, lake.root(), AS_OF), Progress.silent());
    // a report value loaded again as it was: the mart's year is rolled up again, no figure changes
    Path c = new TestLanding(tmp.resolve("c"))
        .csv("report_values", "c.csv", HEADER, "R1,01,2024-01-01,2024-06-30,police,gifts,,11,")
        .root();
    unchanged = LoadJob.run(spark, LoadConfig.of(c, lake.root(), AS_OF), Progress.silent());
    // a report of 2024's third quarter: after `unchanged` kept 2024's facts, only its month's are new
    Path d = new TestLanding(tmp.resolve("d"))
        .csv("report_values", "d.csv", HEADER, "R4,79,2024-07-01,2024-09-30,police,gifts,,7,")
        .root();
    nextQuarter = LoadJob.run(spark, LoadConfig.of(d, lake.root(), AS_OF), Progress.silent());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Dataset<Row> table(LoadReport load, Table table) {
    return spark.read().parquet(Lake.table(lake.snapshot(load.snapshot()), table).toString());
  }

  @Test
  void a_second_load_replaces_rows_with_the_same_key_and_carries_the_others_over() {
    assertThat(table(second, Table.REPORT_VALUES).orderBy("report_id").collectAsList())
        .extracting(r -> r.getAs("report_id"), r -> r.getAs("value"))
        .containsExactly(tuple("R1", 11.0), tuple("R2", 20.0), tuple("R3", 5.0));
    assertThat(second.previous()).isEqualTo(first.snapshot());
    assertThat(second.tables().get(Table.REPORT_VALUES))
        .extracting(LoadReport.Counts::read, LoadReport.Counts::landed, LoadReport.Counts::rowsInLake)
        .containsExactly(1L, 1L, 3L);
    assertThat(table(first, Table.REPORT_VALUES).orderBy("report_id").collectAsList())
        .as("the earlier snapshot is never changed")
        .extracting(r -> r.getAs("value")).containsExactly(10.0, 20.0, 5.0);
  }

  @Test
  void a_table_absent_from_the_landing_is_carried_over_whole() {
    assertThat(table(second, Table.POSTS).collectAsList()).extracting(r -> r.getAs("post_id"))
        .containsExactly("P1");
    assertThat(second.tables().get(Table.POSTS))
        .extracting(LoadReport.Counts::read, LoadReport.Counts::rowsInLake).containsExactly(0L, 1L);
    assertThat(Lake.table(lake.snapshot(second.snapshot()), Table.REGIONS)).isDirectory();
    assertThat(table(second, Table.REGIONS).count()).as("an empty table still has its schema file")
        .isZero();
  }

  @Test
  void metrics_of_a_post_from_the_previous_snapshot_land_and_a_drop_is_flagged() {
    assertThat(table(second, Table.POST_METRICS).orderBy("observed_at").collectAsList())
        .extracting(r -> r.getAs("shares"), r -> r.getAs("comments"), r -> r.getAs("decreasing"))
        .containsExactly(tuple(10L, 5L, false), tuple(9L, 6L, true));
    assertThat(second.tables().get(Table.POST_METRICS).quarantinedByReason())
        .containsExactlyEntriesOf(java.util.Map.of(Reason.UNKNOWN_POST, 1L));
  }

  @Test
  void loading_the_same_input_twice_gives_identical_rows() {
    for (Table t : List.of(Table.REPORT_VALUES, Table.POSTS, Table.POST_METRICS)) {
      Dataset<Row> x = table(second, t);
      Dataset<Row> y = table(again, t);
      assertThat(x.count()).as(t.folder()).isPositive().isEqualTo(y.count());
      assertThat(x.exceptAll(y).count()).as(t.folder()).isZero();
      assertThat(y.exceptAll(x).count()).as(t.folder()).isZero();
    }
    assertThat(again.tables()).isEqualTo(second.tables());
  }

  @Test
  void a_mart_year_rolled_up_again_without_a_changed_figure_is_linked_whole() {
    LoadReport.Part values = unchanged.parts().get("indicator_values");
    assertThat(values.action()).as(values.reason()).isEqualTo(LoadReport.Action.LINKED);
    assertThat(values.rewrittenYears()).isEmpty();
    assertThat(values.rewrittenPeriods()).isEmpty();
    assertThat(values.linkedYears()).as("2025: the posts' year").containsExactly(2023, 2024, 2025);
    assertThat(values.reason()).endsWith("no period's figures changed");
    IncrementalEqualsFullTest.assertLinkedAndGrowsByTheNews(unchanged, lake.snapshot(again.snapshot()),
        lake.snapshot(unchanged.snapshot()), "a report value loaded again");
  }

  @Test
  void a_year_rebuilt_by_months_computes_the_facts_of_its_months_and_links_the_others() throws Exception {
    Path kept = lake.snapshot(unchanged.snapshot()).resolve("indicator_facts");
    Path after = lake.snapshot(nextQuarter.snapshot()).resolve("indicator_facts");
    assertThat(lake.snapshot(again.snapshot()).resolve("indicator_facts"))
        .as("a load rebuilding the whole mart keeps no facts").doesNotExist();
    assertThat(IncrementalEqualsFullTest.files(kept)).as("2024's facts, computed whole once")
        .isNotEmpty().allMatch(f -> kept.relativize(f).startsWith("year=2024"));
    LoadReport.Part values = nextQuarter.parts().get("indicator_values");
    assertThat(values.action()).isEqualTo(LoadReport.Action.PARTITIONS);
    assertThat(values.rewrittenPeriods()).containsExactly("2024", "2024-H2", "2024-Q3");
    java.util.Set<Object> old = IncrementalEqualsFullTest.inodes(lake.snapshot(unchanged.snapshot()));
    List<Path> files = IncrementalEqualsFullTest.files(after).stream()
        .filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
    // R1 and R2 (H1) under June, R3 (2023) not in 2024's facts, R4 under September: its file alone is new
    assertThat(files).extracting(f -> IncrementalEqualsFullTest.period(after.relativize(f).toString()))
        .containsExactlyInAnyOrder("2024-06", "2024-09");
    assertThat(files).filteredOn(f -> !old.contains(IncrementalEqualsFullTest.inode(f)))
        .extracting(f -> IncrementalEqualsFullTest.period(after.relativize(f).toString()))
        .containsExactly("2024-09");
    // the roll-up of the kept and the new facts is the mart built from scratch over the same tables
    Path scratch = tmp.resolve("scratch-marts");
    for (Table t : Table.values()) {
      vn.danvan.etl.lake.LakeWriter.carryOver(Lake.table(lake.snapshot(nextQuarter.snapshot()), t),
          Lake.table(scratch, t));
    }
    vn.danvan.etl.marts.MartsJob.run(spark, scratch, vn.danvan.catalogue.IndicatorCatalogue.load().all());
    Dataset<Row> mart = rounded(spark.read().parquet(
        lake.snapshot(nextQuarter.snapshot()).resolve("indicator_values").toString()));
    Dataset<Row> fromScratch = rounded(spark.read().parquet(scratch.resolve("indicator_values").toString()));
    assertThat(mart.where("period = '2024-Q3' and region_code = '79' and boundaries = 'reported'")
        .select("value").collectAsList()).extracting(r -> r.getDouble(0)).containsExactly(7.0);
    assertThat(mart.count()).isPositive().isEqualTo(fromScratch.count());
    assertThat(mart.exceptAll(fromScratch).count()).isZero();
    assertThat(fromScratch.exceptAll(mart).count()).isZero();
  }

  private static Dataset<Row> rounded(Dataset<Row> mart) {
    return mart.withColumn("value", org.apache.spark.sql.functions.round(mart.col("value"), 6));
  }

  @Test
  void every_snapshot_stays_listed_and_current_names_the_last() throws Exception {
    assertThat(lake.snapshotIds()).containsExactly(first.snapshot(), second.snapshot(), again.snapshot(),
        unchanged.snapshot(), nextQuarter.snapshot());
    assertThat(lake.current()).contains(nextQuarter.snapshot());
    try (var staging = Files.list(lake.stagingDir())) {
      assertThat(staging).isEmpty();
    }
  }
}
