package vn.danvan.etl.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Table;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.SubmissionState;
import vn.danvan.contract.intake.SubmissionWatcher;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.etl.load.TestSpark;

/**
 * kill -9 of a load at several points never shows readers anything but the whole previous snapshot;
 * a rerun publishes a complete one; loading the same input twice yields identical fact rows.
 */
class LoadKillIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Progress lines of the load after which it is killed: while staging holds some tables' files
   * (the first and a later table) and while publishing. (A kill while reading, before any file is
   * written, was a fourth point: a minute and a half of the suite for the case the others cover.)
   */
  private static final List<String> KILL_POINTS = List.of(
      "[load] writing activities", "[load] writing post_metrics", "[load] publishing");

  /** The header of the small report_values files the submission tests send. */
  private static final String REPORT_VALUES_HEADER = String.join(",", Table.REPORT_VALUES.columnNames());

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start("kill-it");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void a_killed_load_leaves_the_previous_snapshot_current_and_whole(@TempDir Path tmp) throws Exception {
    Path first = generate(tmp.resolve("landing-a"), "11");
    Path second = generate(tmp.resolve("landing-b"), "12");
    Path lake = tmp.resolve("lake");
    load(first, lake);
    String published = current(lake);
    Map<String, String> fingerprint = fingerprint(lake.resolve("snapshots").resolve(published));
    assertComplete(lake, published);

    for (String point : KILL_POINTS) {
      try (ChildJvm load = ChildJvm.danvan(List.of("load", second.toString(), "--lake", lake.toString()))) {
        assertThat(load.awaitLine(line -> line.startsWith(point), Duration.ofMinutes(4)))
            .as("the load reached '%s'; output:%n%s", point, load.output()).isTrue();
        load.kill9();
      }
      // Killed while publishing, the two renames may or may not have happened: CURRENT names
      // either the previous snapshot or the new one, and whichever it names is complete.
      String now = current(lake);
      if (point.equals("[load] publishing") && !now.equals(published)) {
        assertComplete(lake, now);
      } else {
        assertThat(now).as("CURRENT after kill at '%s'", point).isEqualTo(published);
      }
      assertThat(fingerprint(lake.resolve("snapshots").resolve(published)))
          .as("the published snapshot's files after kill at '%s'", point).isEqualTo(fingerprint);
      assertComplete(lake, published);
      try (Stream<Path> snapshots = Files.list(lake.resolve("snapshots"))) {
        for (Path snapshot : (Iterable<Path>) snapshots::iterator) {
          assertComplete(lake, snapshot.getFileName().toString());
        }
      }
    }

    load(second, lake);
    String rerun = current(lake);
    assertThat(rerun).isNotEqualTo(published);
    assertComplete(lake, rerun);
    try (Stream<Path> staging = Files.list(lake.resolve("_staging"))) {
      assertThat(staging).as("stale staging of killed loads is cleaned").isEmpty();
    }

    load(second, lake);
    String again = current(lake);
    assertThat(again).isNotEqualTo(rerun);
    for (String table : List.of("activities", "report_values", "models", "posts", "post_metrics",
        "survey_responses", "population")) {
      Dataset<Row> x = read(lake, rerun, table);
      Dataset<Row> y = read(lake, again, table);
      assertThat(x.count()).as(table).isPositive().isEqualTo(y.count());
      assertThat(x.exceptAll(y).count()).as(table + ": the same input loaded twice").isZero();
      assertThat(y.exceptAll(x).count()).as(table + ": the same input loaded twice").isZero();
    }
  }

  /**
   * {@code load --submissions} killed while writing and while publishing: each time, every
   * submission is pending or loaded into CURRENT's lineage, all together, never half; a rerun loads
   * what is pending, each submission is listed by exactly one snapshot's report, and a last run
   * finds nothing pending. Tiny files on an empty lake: the child loads are short.
   */
  @Test
  void a_killed_load_of_submissions_leaves_every_submission_pending_or_loaded(@TempDir Path tmp)
      throws Exception {
    Path lake = tmp.resolve("lake");
    Submissions store = Submissions.of(Lake.at(lake));
    Path a = Files.createDirectories(tmp.resolve("upload")).resolve("report_values-a.csv");
    Files.writeString(a, REPORT_VALUES_HEADER + "\nA1,01,2024-01-01,2024-06-30,police,gifts,,10,\nA2,01,2024-01-01,2024-06-30,police,gifts,,4.494,\n");
    Path b = tmp.resolve("upload/report_values-b.csv");
    Files.writeString(b, REPORT_VALUES_HEADER + "\nB1,01,2024-01-01,2024-06-30,police,gifts,,7,\n");
    List<String> ids = List.of(store.submit(List.of(a), "hanoi", "01", Instant.parse("2025-09-01T00:00:00Z"), 1).id(),
        store.submit(List.of(b), "hanoi", "01", Instant.parse("2025-09-01T01:00:00Z"), 0).id());
    List<String> command = List.of("load", "--submissions", "--lake", lake.toString());

    for (String point : List.of("[load] writing report_values", "[load] publishing")) {
      try (ChildJvm load = ChildJvm.danvan(command)) {
        if (load.awaitLine(line -> line.startsWith(point), Duration.ofMinutes(4))) {
          load.kill9();
        } else {
          // nothing left pending (killed after CURRENT switched): the run ends by itself
          assertThat(load.waitFor(Duration.ofMinutes(2))).as(load.output()).isZero();
        }
      }
      Optional<String> current = Lake.at(lake).current();
      for (String id : ids) {
        Submission s = store.find(id).orElseThrow();
        assertThat(s.state()).as("%s after kill at '%s'", id, point).isIn(SubmissionState.PENDING, SubmissionState.LOADED);
        assertThat(s.state() == SubmissionState.LOADED).as("%s loaded exactly when CURRENT is a snapshot", id)
            .isEqualTo(current.isPresent());
        current.ifPresent(c -> assertThat(s.snapshot()).isEqualTo(c));
      }
    }

    try (ChildJvm load = ChildJvm.danvan(command)) {
      assertThat(load.waitFor(Duration.ofMinutes(5))).as(load.output()).isZero();
    }
    String published = current(lake);
    assertComplete(lake, published);
    Map<String, Integer> listed = new TreeMap<>();
    for (String snapshot : Lake.at(lake).snapshotIds()) {
      JsonNode report = JSON.readTree(lake.resolve("snapshots").resolve(snapshot).resolve("_load_report.json").toFile());
      LoadReport.submissions(report).keySet().forEach(id -> listed.merge(id, 1, Integer::sum));
    }
    assertThat(listed).as("each submission is in exactly one snapshot's report")
        .isEqualTo(Map.of(ids.get(0), 1, ids.get(1), 1));
    assertThat(store.find(ids.get(0)).orElseThrow().counts())
        .isEqualTo(Map.of(Table.REPORT_VALUES, new LoadReport.RowCounts(2, 1, 1)));
    assertThat(store.find(ids.get(1)).orElseThrow().counts())
        .isEqualTo(Map.of(Table.REPORT_VALUES, new LoadReport.RowCounts(1, 1, 0)));

    try (ChildJvm load = ChildJvm.danvan(command)) {
      assertThat(load.waitFor(Duration.ofMinutes(2))).as(load.output()).isZero();
      assertThat(load.output()).contains("no pending submission");
    }
    assertThat(current(lake)).isEqualTo(published);
    assertThat(store.pending()).isEmpty();
  }

  /**
   * SIGTERM (a service manager's stop) ends a watcher with exit 143 and one line, whether it stops
   * a load or waits: the load it stops publishes nothing, as a failed one, and says it was stopped
   * rather than Spark's "SparkContext was shut down"; its submission stays pending, and the next
   * watcher loads it.
   */
  @Test
  void a_watcher_stopped_by_sigterm_says_so_in_one_line_and_leaves_its_load_unpublished(@TempDir Path tmp)
      throws Exception {
    Path lake = tmp.resolve("lake");
    Submissions store = Submissions.of(Lake.at(lake));
    Path upload = Files.createDirectories(tmp.resolve("upload"));
    Files.writeString(upload.resolve("report_values-a.csv"), REPORT_VALUES_HEADER + "\nA1,01,2024-01-01,2024-06-30,police,gifts,,10,\n");
    Files.writeString(upload.resolve("report_values-b.csv"), REPORT_VALUES_HEADER + "\nB1,01,2024-01-01,2024-06-30,police,gifts,,7,\n");
    String a = store.submit(List.of(upload.resolve("report_values-a.csv")), "hanoi", "01",
        Instant.parse("2025-09-01T00:00:00Z"), 0).id();
    List<String> command = List.of("load", "--submissions", "--watch", "--lake", lake.toString());

    String first;
    String b;
    try (ChildJvm watcher = ChildJvm.danvan(command)) {
      assertThat(watcher.awaitLine(l -> l.startsWith("submission " + a + ": loaded"), Duration.ofMinutes(4)))
          .as(watcher.output()).isTrue();
      first = current(lake);
      b = store.submit(List.of(upload.resolve("report_values-b.csv")), "hanoi", "01",
          Instant.parse("2025-09-01T01:00:00Z"), 0).id();
      java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
      assertThat(watcher.awaitLine(l -> l.startsWith("[load] writing report_values") && writes.incrementAndGet() == 2,
          Duration.ofMinutes(2))).as(watcher.output()).isTrue();
      watcher.term();
      assertThat(watcher.waitFor(Duration.ofMinutes(1))).as(watcher.output()).isEqualTo(143);
      List<String> said = watcher.output().lines().filter(l -> l.startsWith("load ")).toList();
      // the stage it names is the one the stop met: writing report_values, or one just after
      assertThat(said.get(said.size() - 1)).as(watcher.output())
          .matches("load stopped by a signal \\(SIGTERM or Ctrl-C\\) while [^.]+\\. Nothing was published;"
              + " snapshot " + first + " stays current\\. Full log: \\S+ \\(exit 143\\)");
      assertThat(watcher.output()).doesNotContain("load failed").doesNotContain("SparkContext");
    }
    assertThat(current(lake)).isEqualTo(first);
    assertThat(store.find(b).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);
    assertComplete(lake, first);

    try (ChildJvm watcher = ChildJvm.danvan(command)) {
      assertThat(watcher.awaitLine(l -> l.startsWith("submission " + b + ": loaded"), Duration.ofMinutes(4)))
          .as(watcher.output()).isTrue();
      String second = current(lake);
      assertThat(second).isNotEqualTo(first);
      // one watcher a lake: the dashboard finds it, and a second is refused before its Spark starts
      assertThat(SubmissionWatcher.running(Lake.at(lake)).orElseThrow().pid()).isEqualTo(watcher.pid());
      try (ChildJvm another = ChildJvm.danvan(command)) {
        assertThat(another.waitFor(Duration.ofMinutes(1))).as(another.output()).isEqualTo(1);
        assertThat(another.output().lines().reduce((x, y) -> y).orElseThrow()).as(another.output())
            .matches("load --watch: another load --submissions --watch \\(pid " + watcher.pid() + ", since \\S+\\)"
                + " already loads this lake's submissions as they arrive; nothing to do \\(exit 1\\)");
        assertThat(another.output()).doesNotContain("Spark");
      }
      watcher.term();
      assertThat(watcher.waitFor(Duration.ofMinutes(1))).as(watcher.output()).isEqualTo(143);
      assertThat(watcher.output().lines().reduce((x, y) -> y).orElseThrow()).as(watcher.output())
          .isEqualTo("load --watch: stopped by a signal; 1 load published since it started; snapshot "
              + second + " is current (exit 143)");
    }
    assertThat(store.find(b).orElseThrow().state()).isEqualTo(SubmissionState.LOADED);
    assertThat(SubmissionWatcher.running(Lake.at(lake))).isEmpty();
  }

  private static Path generate(Path out, String seed) throws Exception {
    try (ChildJvm gen = ChildJvm.danvan(List.of("generate", "--out", out.toString(),
        "--years", "2024-2025", "--scale", "0.05", "--seed", seed))) {
      assertThat(gen.waitFor(Duration.ofMinutes(3))).as(gen.output()).isZero();
    }
    return out;
  }

  private static void load(Path landing, Path lake) throws Exception {
    try (ChildJvm load = ChildJvm.danvan(List.of("load", landing.toString(), "--lake", lake.toString()))) {
      assertThat(load.waitFor(Duration.ofMinutes(5))).as(load.output()).isZero();
    }
  }

  private static String current(Path lake) throws IOException {
    return Files.readString(lake.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
  }

  private static Dataset<Row> read(Path lake, String snapshot, String table) {
    return spark.read().parquet(lake.resolve("snapshots").resolve(snapshot).resolve(table).toString());
  }

  /** Every table a reader can see in the snapshot holds exactly the rows its load report states. */
  private static void assertComplete(Path lake, String snapshot) throws IOException {
    Path dir = lake.resolve("snapshots").resolve(snapshot);
    JsonNode tables = JSON.readTree(dir.resolve("_load_report.json").toFile()).path("tables");
    assertThat(tables.size()).as("tables in the report of " + snapshot).isPositive();
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) tables::fields) {
      long expected = entry.getValue().path("rows_in_lake").asLong(-1);
      Path table = dir.resolve(entry.getKey());
      if (expected > 0) {
        assertThat(spark.read().parquet(table.toString()).count())
            .as("%s/%s rows", snapshot, entry.getKey()).isEqualTo(expected);
      }
    }
  }

  /** Path → SHA-256 of every file of a snapshot: a published snapshot never changes. */
  private static Map<String, String> fingerprint(Path snapshot) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(snapshot)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
          sha.update(in.readAllBytes());
        }
        files.put(snapshot.relativize(file).toString(), HexFormat.of().formatHex(sha.digest()));
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
