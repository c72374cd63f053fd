package vn.danvan.etl.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.load.TestSpark;

/** How a fact table's rows become files: tasks, one file per month, rows in region order. */
class LakeWriterTest {
  static SparkSession spark;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    spark = TestSpark.start("lake-writer-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** 720 activities: 2 years of 12 months, 30 a month, region codes falling as the rows go on. */
  private static Dataset<Row> activities() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 720; i++) {
      LocalDate day = LocalDate.of(2024 + i % 2, 1 + i / 2 % 12, 1 + i % 28);
      rows.add(RowFactory.create("a" + i, "unit", String.format("%02d", 99 - i / 8), Date.valueOf(day),
          Date.valueOf(day), "conference", null, 1L, 10L, null, null, null, null, day.getYear()));
    }
    // many input partitions, each holding rows of every month, as a checked landing does
    return spark.createDataFrame(rows, LakeSchema.of(Table.ACTIVITIES)).repartition(8);
  }

  @Test
  void a_write_of_more_rows_than_a_task_a_core_puts_each_month_whole_in_one_file_sorted_by_region()
      throws IOException {
    Path dir = tmp.resolve("activities");
    // sized as 5 tasks' worth on 2 cores: shuffled by month
    LakeWriter.table(activities(), Table.ACTIVITIES, dir, 5 * LakeWriter.TASK_ROWS);

    List<Path> files = parquet(dir);
    assertThat(YearFolders.periods(dir)).hasSize(24);
    assertThat(files).hasSize(24);
    for (Path f : files) {
      List<String> regions = spark.read().parquet(f.toString()).select("region_code").as(
          org.apache.spark.sql.Encoders.STRING()).collectAsList();
      assertThat(regions).hasSize(30).isSortedAccordingTo(Comparator.naturalOrder());
    }
    assertThat(spark.read().parquet(dir.toString()).count()).isEqualTo(720);
  }

  @Test
  void a_write_of_a_task_a_core_or_fewer_merges_the_input_without_a_shuffle() throws IOException {
    Path dir = tmp.resolve("activities");
    LakeWriter.table(activities(), Table.ACTIVITIES, dir, 720);

    // one task: every month in one file, the same as when shuffled
    assertThat(parquet(dir)).hasSize(24);
    assertThat(spark.read().parquet(dir.toString()).count()).isEqualTo(720);
    // twice the rows a task takes: two tasks, each with rows of every month
    Path two = tmp.resolve("two");
    LakeWriter.table(activities(), Table.ACTIVITIES, two, 2 * LakeWriter.TASK_ROWS);
    assertThat(parquet(two)).hasSize(48);
  }

  @Test
  void a_larger_table_without_years_is_written_in_ranges_of_regions_each_row_counted_once()
      throws IOException, InterruptedException {
    // 1,000 answers, region codes in no order over many input partitions
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      rows.add(RowFactory.create("W1", "r" + i, String.format("%03d", i * 7919 % 1_000), null, null, null, 1.0,
          "q1", "3"));
    }
    Dataset<Row> answers = spark.createDataFrame(rows, LakeSchema.of(Table.SURVEY_RESPONSES)).repartition(8);
    Path dir = tmp.resolve("survey_responses");
    Observation seen = new Observation("written");

    // sized as 5 tasks' worth on 2 cores, as scale 20's 11 million answers are 45
    LakeWriter.table(answers, Table.SURVEY_RESPONSES, dir, 5 * LakeWriter.TASK_ROWS,
        written -> written.observe(seen, functions.count(functions.lit(1)).as("rows")));

    // the range shuffle's sampling job read the rows too; the count is the write's alone
    assertThat(((Number) seen.getAsJava().get("rows")).longValue()).isEqualTo(1_000);
    List<Path> files = parquet(dir);
    assertThat(files).hasSizeGreaterThan(2);
    List<String> all = new ArrayList<>();
    for (Path f : files) {
      // file after file, each sorted: the files follow one another in region order
      all.addAll(spark.read().parquet(f.toString()).select("region_code").as(
          org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }
    assertThat(all).hasSize(1_000).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
  }

  @Test
  void a_table_s_one_column_key_is_written_without_a_dictionary_and_its_other_columns_with_one() throws IOException {
    Path dir = tmp.resolve("activities");
    // four ids in all (the writer does not check keys): a dictionary would pay off for them too
    Dataset<Row> repeated = activities().withColumn("activity_id", functions.concat(functions.lit("a"),
        functions.pmod(functions.hash(functions.col("activity_id")), functions.lit(4)).cast("string")));
    LakeWriter.table(repeated, Table.ACTIVITIES, dir, 720);

    assertThat(LakeWriter.distinctColumns(Table.ACTIVITIES)).containsExactly("activity_id");
    assertThat(LakeWriter.distinctColumns(Table.POSTS)).containsExactly("post_id", "published_at");
    assertThat(LakeWriter.distinctColumns(Table.POST_METRICS)).containsExactly("observed_at");
    List<Path> files = parquet(dir);
    assertThat(files).hasSize(24);
    for (Path f : files) {
      assertThat(ParquetFooters.dictionaryColumns(f)).as(f.toString()).doesNotContain("activity_id")
          .contains("unit", "activity_type");
    }
    assertThat(spark.read().parquet(dir.toString()).select("activity_id").distinct().count()).isEqualTo(4);
  }

  private static List<Path> parquet(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }
}
