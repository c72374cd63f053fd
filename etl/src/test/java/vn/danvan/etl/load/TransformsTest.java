package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;

/** The pure transforms, frame in, frame out: typing, checks and verdicts, merge, decreasing. */
class TransformsTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.start("transforms-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A raw frame of a table: contract values as text in contract order, then file and position. */
  static Dataset<Row> raw(Table table, Object[]... rows) {
    List<Row> out = new ArrayList<>();
    int width = table.columns().size();
    for (Object[] r : rows) {
      Object[] values = new Object[width + 3];
      System.arraycopy(r, 0, values, 0, width);
      values[width + 1] = r[width];
      values[width + 2] = ((Number) r[width + 1]).longValue();
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, RawFrames.schema(table));
  }

  static Object[] metric(String post, String at, String shares, int file, int pos) {
    return new Object[] {post, at, shares, "1", "1", null, file, pos};
  }

  static Dataset<Row> classified(Table table, Dataset<Row> raw) {
    List<Check> checks = RowChecks.of(table, AS_OF, Catalogue.indicators());
    return Classify.classify(Typing.typed(raw, table), checks, table.key());
  }

  /**
   * A CSV file no bigger than one split is parsed as one stream, a bigger one line by line across
   * tasks (a file with a quoted line break always whole), and both give the same rows: a malformed
   * line, a quoted comma and a doubled quote included.
   */
  @Test
  void a_file_no_bigger_than_a_split_is_parsed_whole_and_a_bigger_one_line_by_line_with_the_same_rows(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    Table table = Table.SURVEY_RESPONSES;
    LandingFile small = responses(dir.resolve("small.csv"), "W1", 50);
    LandingFile big = responses(dir.resolve("big.csv"), "W2", 6_000);
    String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
    try {
      spark.conf().set("spark.sql.files.maxPartitionBytes", "64k");
      long split = RawFrames.splitBytes(spark, List.of(small, big));
      assertThat(split).isEqualTo(64 * 1024);
      assertThat(java.nio.file.Files.size(big.path())).isGreaterThan(3 * split);
      assertThat(RawFrames.wholeFile(small, split)).isTrue();
      assertThat(RawFrames.wholeFile(big, split)).isFalse();
      assertThat(RawFrames.wholeFile(new LandingFile(table, big.path(), "big.csv", LandingFile.Format.CSV,
          big.header(), true), split)).isTrue();

      Dataset<Row> frame = RawFrames.read(spark, table, List.of(small, big));
      // the big file's rows come from several tasks: it was split by line (a row's task is in the
      // upper bits of its position, monotonically_increasing_id's)
      List<Row> tasks = frame.groupBy(RawFrames.FILE).agg(org.apache.spark.sql.functions.countDistinct(
          org.apache.spark.sql.functions.shiftright(org.apache.spark.sql.functions.col(RawFrames.POS), 33)),
          org.apache.spark.sql.functions.count("*")).orderBy(RawFrames.FILE).collectAsList();
      assertThat(tasks).extracting(r -> r.getInt(0), r -> r.getLong(2)).containsExactly(tuple(0, 50L), tuple(1, 6_000L));
      assertThat(tasks.get(0).getLong(1)).isEqualTo(1);
      assertThat(tasks.get(1).getLong(1)).isGreaterThanOrEqualTo(3);
      Dataset<Row> lineByLine = frame.drop(RawFrames.FILE, RawFrames.POS);

      spark.conf().set("spark.sql.files.maxPartitionBytes", before);
      assertThat(RawFrames.wholeFile(big, RawFrames.splitBytes(spark, List.of(small, big)))).isTrue();
      Dataset<Row> whole = RawFrames.read(spark, table, List.of(small, big)).drop(RawFrames.FILE, RawFrames.POS);
      assertThat(whole.count()).isEqualTo(6_050);
      assertThat(whole.except(lineByLine).count()).isZero();
      assertThat(lineByLine.except(whole).count()).isZero();
      // rows 0, 997, … of each file have a field too many; rows 0, 13, … a quoted comma
      List<String> malformed = new ArrayList<>();
      for (int i = 0; i < 6_000; i += 997) {
        malformed.add("W2/r" + i);
      }
      malformed.add("W1/r0");
      assertThat(whole.where(org.apache.spark.sql.functions.col(RawFrames.MALFORMED).isNotNull())
          .select("wave_id", "respondent_id").collectAsList()).extracting(r -> r.getString(0) + "/" + r.getString(1))
          .containsExactlyInAnyOrderElementsOf(malformed);
      assertThat(whole.where("answer = 'có, \"nhiều\"'").count()).isEqualTo(50 / 13 + 1 + (6_000 / 13 + 1));
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", before);
    }
  }

  /** {@code rows} answers of a wave: every 13th with a quoted comma and doubled quotes, every 997th with a field too many. */
  private static LandingFile responses(java.nio.file.Path file, String wave, int rows) throws java.io.IOException {
    List<String> header = Table.SURVEY_RESPONSES.columnNames();
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (int i = 0; i < rows; i++) {
      String answer = i % 13 == 0 ? "\"có, \"\"nhiều\"\"\"" : String.valueOf(1 + i % 5);
      csv.append(wave).append(",r").append(i).append(",01,30-44,female,urban,1.25,Q").append(i % 7).append(',')
          .append(answer).append(i % 997 == 0 ? ",extra" : "").append('\n');
    }
    java.nio.file.Files.writeString(file, csv);
    return new LandingFile(Table.SURVEY_RESPONSES, file, file.getFileName().toString(), LandingFile.Format.CSV,
        header, false);
  }

  @Test
  void timestamps_with_any_offset_land_on_their_date_in_vietnam() {
    Dataset<Row> typed = Typing.typed(raw(Table.POST_METRICS,
        metric("P1", "2024-12-31T16:59:59Z", "1", 0, 1),
        metric("P1", "2024-12-31T17:00:00Z", "1", 0, 2),
        metric("P1", "2025-01-01T00:30:00+07:00", "1", 0, 3),
        metric("P1", "2024-12-31T23:30:00-05:00", "1", 0, 4)), Table.POST_METRICS);
    assertThat(typed.orderBy("_pos").collectAsList())
        .extracting(r -> r.<Date>getAs("observed_date").toString(), r -> r.<Integer>getAs("year"))
        .containsExactly(tuple("2024-12-31", 2024), tuple("2025-01-01", 2025),
            tuple("2025-01-01", 2025), tuple("2025-01-01", 2025));
    assertThat(typed.orderBy("_pos").first().<Timestamp>getAs("observed_at").toInstant())
        .isEqualTo(Instant.parse("2024-12-31T16:59:59Z"));
  }

  @Test
  void a_row_takes_the_first_failing_reason_and_lists_every_failed_check() {
    Dataset<Row> verdicts = classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        new Object[] {"P1", "2025-01-01T08:00:00+07:00", "-3", "x", "1", null, 0, 1},
        new Object[] {"P2", "2026-01-01T08:00:00+07:00", "", "1", "1", "2", 0, 2},
        new Object[] {"P3", "2025-01-01T08:00:00+07:00", "3", "1", "1", null, 0, 3}));
    assertThat(verdicts.orderBy("_pos").collectAsList())
        .extracting(r -> r.getAs("post_id"), r -> r.getAs(Classify.REASON), r -> r.getAs(Classify.FAILED))
        .containsExactly(
            tuple("P1", "bad_type", "bad_type:comments,negative_value:shares"),
            tuple("P2", "missing_value", "missing_value:shares,date_out_of_range:observed_date"),
            tuple("P3", null, ""));
  }

  @Test
  void a_survey_answer_must_be_one_its_question_allows_whose_options_are_read_once_per_question() {
    StructType regions = new StructType().add("code", DataTypes.StringType)
        .add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType);
    StructType waves = new StructType().add("wave_id", DataTypes.StringType)
        .add("fieldwork_start", DataTypes.DateType).add("fieldwork_end", DataTypes.DateType);
    StructType questions = new StructType().add("wave_id", DataTypes.StringType)
        .add("question_id", DataTypes.StringType).add("type", DataTypes.StringType)
        .add("options", DataTypes.StringType);
    Date day = Date.valueOf("2025-03-01");
    References refs = References.of(
        spark.createDataFrame(List.of(RowFactory.create("01", Date.valueOf("2000-01-01"), null)), regions),
        null, spark.createDataFrame(List.of(RowFactory.create("W1", day, day)), waves),
        spark.createDataFrame(List.of(RowFactory.create("W1", "L", "likert5", null),
            RowFactory.create("W1", "Y", "yes_no", " "),
            RowFactory.create("W1", "C", "single_choice", " a ; b;;c "),
            RowFactory.create("W1", "N", "numeric", "0;10"),
            RowFactory.create("W1", "T", "text", null)), questions), null);
    String[][] answers = {{"L", "5"}, {"L", "6"}, {"Y", "no"}, {"Y", "maybe"}, {"C", "b"}, {"C", "a ; b"},
        {"N", "10"}, {"N", "11"}, {"N", "x"}, {"T", "anything"}, {"Q", "1"}};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      rows.add(new Object[] {"W1", "R" + i, "01", null, null, null, "1", answers[i][0], answers[i][1], 0, i});
    }
    Table table = Table.SURVEY_RESPONSES;
    List<Check> checks = new ArrayList<>(RowChecks.of(table, AS_OF, Catalogue.indicators()));
    checks.addAll(ReferenceChecks.of(table));
    Dataset<Row> judged = ReferenceChecks.detach(Classify.judge(ReferenceChecks.attach(
        Typing.typed(raw(table, rows.toArray(Object[][]::new)), table), table, refs), checks, table.key()));

    assertThat(judged.orderBy("_pos").collectAsList()).extracting(r -> r.getAs(Classify.FAILED))
        .containsExactly("", "unknown_vocabulary:answer", "", "unknown_vocabulary:answer", "",
            "unknown_vocabulary:answer", "", "bad_type:answer_range", "bad_type:answer", "",
            "unknown_reference:question_id");
    // the options are split on the questions' side of the join (here folded into its rows), never
    // per answer: an answer is only looked up in its question's list
    String[] plan = judged.queryExecution().executedPlan().toString().split("\n");
    int broadcastDepth = Integer.MAX_VALUE;
    for (String line : plan) {
      int depth = line.length() - line.replaceFirst("^[\\s:+-]*", "").length();
      if (line.contains("BroadcastExchange")) {
        broadcastDepth = Math.min(broadcastDepth, depth);
      } else if (depth <= broadcastDepth) {
        broadcastDepth = Integer.MAX_VALUE;
      }
      if (line.contains("lambdafunction")) {
        assertThat(depth).as("a per-answer step splits options: %s", line).isGreaterThan(broadcastDepth);
      }
    }
    assertThat(String.join("\n", plan)).contains("array_contains(_ref_question_options");
  }

  @Test
  void a_duplicated_key_keeps_its_first_good_row_in_file_order() {
    Dataset<Row> verdicts = classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        metric("P1", "2025-01-01T08:00:00+07:00", "5", 1, 1),
        metric("P1", "2025-01-01T01:00:00Z", "6", 0, 9),
        metric("P2", "2025-01-01T08:00:00+07:00", "bad", 0, 1),
        metric("P2", "2025-01-01T08:00:00+07:00", "7", 0, 2),
        metric("P2", "2025-01-01T08:00:00+07:00", "8", 1, 0),
        // the position of a duplicate in another file (files read apart count positions apart)
        metric("P3", "2025-01-01T08:00:00+07:00", "9", 0, 0)));
    assertThat(verdicts.orderBy("post_id", "_file", "_pos").collectAsList())
        .extracting(r -> r.getAs("post_id"), r -> r.getAs("shares"), r -> r.getAs(Classify.REASON),
            r -> r.getAs(Classify.FAILED))
        .as("the same instant written with another offset is the same key")
        .containsExactly(tuple("P1", 6L, null, ""),
            tuple("P1", 5L, "duplicate_id", "duplicate_id:post_id+observed_at"),
            tuple("P2", null, "bad_type", "bad_type:shares"), tuple("P2", 7L, null, ""),
            tuple("P2", 8L, "duplicate_id", "duplicate_id:post_id+observed_at"),
            tuple("P3", 9L, null, ""));
    // the duplicates are found by one long key (a map of longs), the file compared on a match
    assertThat(verdicts.queryExecution().executedPlan().toString())
        .containsPattern("BroadcastHashJoin \\[_pos#\\d+L\\], \\[_dup_pos#\\d+L\\], LeftOuter");
  }

  @Test
  void a_key_with_a_part_missing_is_never_a_duplicate() {
    // keys are counted by their hash: rows missing a part (hashed alike) must not meet each other
    Dataset<Row> verdicts = classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        metric(null, "2025-01-01T08:00:00+07:00", "1", 0, 1),
        metric(null, "2025-01-01T08:00:00+07:00", "2", 0, 2),
        metric("P1", "", "3", 0, 3),
        metric("P1", null, "4", 0, 4),
        metric("P1", "2025-01-01T08:00:00+07:00", "5", 0, 5)));
    assertThat(verdicts.orderBy("_pos").collectAsList())
        .extracting(r -> r.getAs(Classify.REASON), r -> r.getAs(Classify.FAILED))
        .containsExactly(tuple("missing_value", "missing_value:post_id"),
            tuple("missing_value", "missing_value:post_id"),
            tuple("missing_value", "missing_value:observed_at"),
            tuple("missing_value", "missing_value:observed_at"), tuple(null, ""));
  }

  @Test
  void quarantine_rows_carry_file_key_reason_checks_and_raw_values() {
    Dataset<Row> verdicts = classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        metric("P1", " 2025-01-01T08:00:00+07:00 ", "-1", 1, 1)));
    Row q = Classify.quarantined(verdicts, Table.POST_METRICS, List.of("a.csv", "sub/b.csv")).first();
    assertThat(q.<String>getAs("source_file")).isEqualTo("sub/b.csv");
    assertThat(q.<String>getAs("row_key")).isEqualTo("P1| 2025-01-01T08:00:00+07:00 ");
    assertThat(q.<String>getAs("reason")).isEqualTo("negative_value");
    assertThat(q.getList(q.fieldIndex("failed_checks"))).containsExactly("negative_value:shares");
    assertThat(q.<String>getAs("record")).isEqualTo("{\"post_id\":\"P1\","
        + "\"observed_at\":\" 2025-01-01T08:00:00+07:00 \",\"shares\":\"-1\",\"comments\":\"1\","
        + "\"reactions\":\"1\"}");
  }

  @Test
  void merge_replaces_rows_by_key_and_carries_the_others_over() {
    Dataset<Row> previous = Classify.landed(classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        metric("P1", "2025-01-01T08:00:00+07:00", "5", 0, 1),
        metric("P2", "2025-01-01T08:00:00+07:00", "9", 0, 2))), Table.POST_METRICS)
        .withColumn("decreasing", org.apache.spark.sql.functions.lit(false));
    Dataset<Row> landed = Classify.landed(classified(Table.POST_METRICS, raw(Table.POST_METRICS,
        metric("P1", "2025-01-01T08:00:00+07:00", "6", 0, 1),
        metric("P2", "2025-01-02T08:00:00+07:00", "4", 0, 2))), Table.POST_METRICS);
    Dataset<Row> merged = Merge.merge(landed, previous, Table.POST_METRICS);
    assertThat(merged.orderBy("post_id", "observed_at").collectAsList())
        .extracting(r -> r.getAs("post_id"), r -> r.getAs("shares"), r -> r.getAs(Merge.ORIGIN),
            r -> r.getAs("decreasing"))
        .containsExactly(tuple("P1", 6L, "landed", false), tuple("P2", 9L, "carried", false),
            tuple("P2", 4L, "landed", true));
    assertThat(merged.columns()).contains(LakeSchema.names(Table.POST_METRICS).toArray(String[]::new));
  }

  /**
   * The lookup of the rows a load replaces reads only the files whose keys' range holds a landed
   * key (Parquet's row-group statistics answer the range), and still finds every replaced row.
   */
  @Test
  void the_replaced_rows_lookup_reads_only_files_whose_key_range_holds_a_landed_key(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // two files of earlier rows: ids A-0000..A-0999 (2024) and B-0000..B-0999 (2025)
    spark.range(0, 2000).selectExpr(
            "concat(if(id < 1000, 'A-', 'B-'), lpad(cast(id % 1000 as string), 4, '0')) AS post_id",
            "timestamp_seconds(1700000000 + id * 60) AS observed_at", "if(id < 1000, 2024, 2025) AS year")
        .coalesce(1).sortWithinPartitions("post_id").write().partitionBy("year")
        .parquet(dir.resolve("previous").toString());
    Dataset<Row> previous = spark.read().parquet(dir.resolve("previous").toString());
    List<String> key = List.of("post_id");
    assertThat(rowsScanned(previous.where(inKeyRange(keys("C-0001", "C-0002"), key))))
        .as("keys beyond every file's range: no row is read").isZero();
    Dataset<Row> someOfA = previous.where(inKeyRange(keys("A-0005", "A-0700"), key));
    assertThat(rowsScanned(someOfA)).as("only the file of A's ids is read").isEqualTo(1000);
    assertThat(someOfA.join(keys("A-0005", "A-0700"), "post_id").select("post_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactlyInAnyOrder("A-0005", "A-0700");
    assertThat(previous.where(inKeyRange(keys(), key)).count()).as("no landed key").isZero();
    // a key of two parts: both must lie in range (the instant of B-0005 is past every A row's)
    Dataset<Row> twoParts = spark.createDataFrame(List.of(RowFactory.create("A-0005", Timestamp.from(
        Instant.ofEpochSecond(1700000000L + 1005 * 60)))), new org.apache.spark.sql.types.StructType()
            .add("post_id", "string").add("observed_at", "timestamp"));
    assertThat(previous.where(inKeyRange(twoParts, List.of("post_id", "observed_at"))).count())
        .isZero();
  }

  /** The rows that can share a key with one of {@code keys}: every part's range together. */
  private static org.apache.spark.sql.Column inKeyRange(Dataset<Row> keys, List<String> key) {
    return YearPartitions.keyRanges(keys, key).stream().reduce(org.apache.spark.sql.Column::and).orElseThrow();
  }

  private static Dataset<Row> keys(String... ids) {
    return spark.createDataset(List.of(ids), org.apache.spark.sql.Encoders.STRING()).toDF("post_id");
  }

  /** Rows the Parquet scan of {@code query} read, after its row groups were filtered by their statistics. */
  private static long rowsScanned(Dataset<Row> query) {
    query.collectAsList();
    long[] rows = {0};
    query.queryExecution().executedPlan().foreach(node -> {
      if (node.nodeName().startsWith("Scan parquet")) {
        rows[0] += node.metrics().apply("numOutputRows").value();
      }
      return null;
    });
    return rows[0];
  }
}
