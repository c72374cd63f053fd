package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.Table;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.SubmissionState;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.etl.cli.LoadCommand;
import vn.danvan.warehouse.intake.ServedReferences;
import vn.danvan.warehouse.intake.Template;

/**
 * {@code load --submissions} over one lake: a submission sent twice, one with a personal-data
 * column, loaded in one Spark load; then the statuses its submitters are shown, and a second run
 * with nothing pending.
 */
class SubmissionsLoadTest {
  @TempDir
  static Path tmp;
  static SparkSession spark;
  static Lake lake;
  static Submissions store;
  static Submission first;
  static Submission again;
  static Submission phone;
  static LoadCommandTest.Run load;
  static LoadCommandTest.Run nothing;
  static String snapshot;

  @BeforeAll
  static void submitTwiceAndLoad() throws Exception {
    spark = TestSpark.start("submissions-load-test");
    lake = Lake.at(tmp.resolve("lake"));
    store = Submissions.of(lake);
    Path files = new TestLanding(tmp.resolve("upload"))
        .csv("a", "report_values-hanoi-2024.csv", IncrementalLoadTest.HEADER,
            "R1,01,2024-01-01,2024-06-30,police,gifts,,10,", "R2,01,2024-01-01,2024-06-30,police,gifts,,4.494,",
            "R3,01,2024-01-01,2024-06-30,police,gifts,,20.5,")
        .unicodeText("a", "campaign_targets-hanoi.csv", "campaign_code\tregion_code\tyear\tindicator\ttarget_value",
            "DVK\t01\t2024\tgifts\t50")
        .csv("a", "campaigns.csv", "campaign_code,name,movement,start_date,end_date,owner_unit",
            "DVK,Dân vận khéo,Dân vận khéo,2009-01-01,,mobilization_board")
        .csv("b", "posts-x.csv", "post_id,unit,region_code,platform,channel,published_at,format,phone",
            "P1,police,01,facebook,Trang,2024-05-01T09:00:00+07:00,image,0912345678")
        .root();
    List<Path> a = List.of(files.resolve("a/report_values-hanoi-2024.csv"),
        files.resolve("a/campaign_targets-hanoi.csv"), files.resolve("a/campaigns.csv"));
    first = store.submit(a, "hanoi", "01", Instant.parse("2025-09-01T02:00:00Z"), 2);
    again = store.submit(List.of(a.get(2), a.get(0), a.get(1)), "hanoi", "01",
        Instant.parse("2025-09-01T03:00:00Z"), 2);
    phone = store.submit(List.of(files.resolve("b/posts-x.csv")), "hanoi", "01",
        Instant.parse("2025-09-01T04:00:00Z"), 0);
    load = run();
    snapshot = lake.current().orElse(null);
    nothing = run();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static LoadCommandTest.Run run() {
    return run(lake);
  }

  static LoadCommandTest.Run run(Lake into) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LoadCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("--submissions", "--lake", into.root().toString(), "--as-of", "2025-09-30");
    return new LoadCommandTest.Run(exit, out.toString(), err.toString());
  }

  @Test
  void the_same_files_sent_twice_are_one_submission_stored_once_and_loaded_once() throws Exception {
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.submittedAt()).isEqualTo(first.submittedAt());
    try (Stream<Path> stored = Files.list(store.dir())) {
      assertThat(stored.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(first.id(), phone.id());
    }
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.out()).contains("submission " + first.id() + ": loaded into snapshot " + snapshot
        + ", read 5, landed 3, quarantined 2");
    assertThat(store.submit(List.of(store.file(first, first.files().get(0)), store.file(first, first.files().get(1)),
        store.file(first, first.files().get(2))), "hanoi", "01", Instant.now(), 0).state())
        .isEqualTo(SubmissionState.LOADED);
    assertThat(store.pending()).isEmpty();
  }

  @Test
  void the_files_are_kept_unchanged_with_their_checksum_and_table() throws Exception {
    Submission.File rv = first.files().get(0);
    assertThat(rv.table()).isEqualTo(Table.REPORT_VALUES);
    assertThat(first.files()).extracting(Submission.File::table)
        .containsExactly(Table.REPORT_VALUES, Table.CAMPAIGN_TARGETS, Table.CAMPAIGNS);
    byte[] bytes = Files.readAllBytes(tmp.resolve("upload/a/report_values-hanoi-2024.csv"));
    assertThat(Files.readAllBytes(store.file(first, rv))).isEqualTo(bytes);
    assertThat(rv.bytes()).isEqualTo(bytes.length);
    assertThat(rv.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(Files.getPosixFilePermissions(store.file(first, rv)))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(store.dir().resolve(first.id())))).isEqualTo("rwx------");
  }

  @Test
  void after_the_load_the_submitter_sees_the_snapshot_and_the_counts_per_table() {
    Submission loaded = store.find(first.id()).orElseThrow();
    assertThat(loaded.state()).isEqualTo(SubmissionState.LOADED);
    assertThat(loaded.snapshot()).isEqualTo(snapshot).isNotNull();
    assertThat(loaded.counts()).containsEntry(Table.REPORT_VALUES, new RowCounts(3, 1, 2))
        .containsEntry(Table.CAMPAIGN_TARGETS, new RowCounts(1, 1, 0))
        .containsEntry(Table.CAMPAIGNS, new RowCounts(1, 1, 0)).hasSize(3);
    assertThat(loaded.total()).isEqualTo(new RowCounts(5, 3, 2));
    assertThat(store.bySubmitter("hanoi")).extracting(Submission::id, Submission::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), SubmissionState.LOADED),
            org.assertj.core.groups.Tuple.tuple(phone.id(), SubmissionState.REFUSED));
    assertThat(store.bySubmitter("other")).isEmpty();
  }

  @Test
  void a_submission_with_a_personal_data_column_is_refused_whole_with_its_reason() throws Exception {
    Submission refused = store.find(phone.id()).orElseThrow();
    assertThat(refused.state()).isEqualTo(SubmissionState.REFUSED);
    assertThat(refused.refusal()).contains("posts/posts-x.csv").contains("'phone'")
        .doesNotContain(lake.root().toString());
    assertThat(load.err()).contains("submission " + phone.id() + " of hanoi refused");
    assertThat(spark.read().parquet(Lake.table(lake.snapshot(snapshot), Table.POSTS).toString()).count()).isZero();
  }

  @Test
  void quarantined_rows_name_the_submission_and_its_file_with_the_reasons() {
    assertThat(spark.read().parquet(Lake.quarantine(lake.snapshot(snapshot), Table.REPORT_VALUES).toString())
        .selectExpr("source_file", "row_key", "reason").orderBy("row_key").collectAsList())
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
        .containsExactly(first.id() + "/report_values/report_values-hanoi-2024.csv R2 thousands_separator",
            first.id() + "/report_values/report_values-hanoi-2024.csv R3 not_whole_number");
  }

  @Test
  void with_nothing_pending_the_command_says_so_and_makes_no_snapshot() {
    assertThat(nothing.exit()).as(nothing.err()).isZero();
    assertThat(nothing.out()).contains("no pending submission");
    assertThat(lake.snapshotIds()).containsExactly(snapshot);
  }

  @Test
  void the_load_and_each_submission_are_in_the_audit_trail() {
    List<AuditEvent> events = AuditTrail.in(lake.auditDir()).newest(AuditFilter.all(), 100).events();
    assertThat(events).filteredOn(e -> e.action() == AuditEvent.Action.SUBMISSION)
        .extracting(AuditEvent::outcome, e -> e.target().contains(first.id()) ? "first" : "phone")
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("refused", "phone"),
            org.assertj.core.groups.Tuple.tuple("ok", "first"));
    assertThat(events).filteredOn(e -> e.action() == AuditEvent.Action.IMPORT)
        .extracting(AuditEvent::target).containsExactly("load --submissions -> snapshot " + snapshot);
  }

  @Test
  void a_filled_template_is_sent_and_loads_unchanged() throws Exception {
    // the workbook a reporter downloads (lists, guide and lists sheets), filled in as in Excel:
    // codes as text, dates as dates, values as numbers
    Path book = tmp.resolve("template/report_values-hanoi.xlsx");
    Files.createDirectories(book.getParent());
    try (var out = Files.newOutputStream(book)) {
      Template.write(new Template.Request(Table.REPORT_VALUES, "01",
          List.of(new ServedReferences.Unit("01", "Thành phố Hà Nội", "province", java.time.LocalDate.of(2025, 7, 1),
              null)), IndicatorCatalogue.load().landing(), List.of(), java.util.OptionalInt.empty()), out);
    }
    try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(book.toFile());
        var out = Files.newOutputStream(tmp.resolve("template/filled.xlsx"))) {
      var sheet = workbook.getSheetAt(0);
      List<String> header = new java.util.ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(String.join(",", header)).isEqualTo(IncrementalLoadTest.HEADER);
      Object[][] rows = {
          {"T1", "01", java.time.LocalDate.of(2025, 7, 1), java.time.LocalDate.of(2025, 9, 30), "police", "gifts", null, 12.0,
              "Báo cáo 9 tháng"},
          {"T2", "01", java.time.LocalDate.of(2025, 7, 1), java.time.LocalDate.of(2025, 9, 30), "women_union", "gifts",
              null, 30.0, null}};
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.getRow(r + 1) != null ? sheet.getRow(r + 1) : sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          var cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
          if (rows[r][c] instanceof String text) {
            cell.setCellValue(text);
          } else if (rows[r][c] instanceof java.time.LocalDate day) {
            cell.setCellValue(day);
          } else if (rows[r][c] instanceof Double number) {
            cell.setCellValue(number);
          }
        }
      }
      workbook.write(out);
    }
    Files.move(tmp.resolve("template/filled.xlsx"), book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Lake own = Lake.at(tmp.resolve("template-lake"));
    Submission sent = Submissions.of(own).submit(List.of(book), "hanoi", "01", Instant.parse("2025-10-01T02:00:00Z"), 0);

    LoadCommandTest.Run loaded = run(own);

    assertThat(loaded.exit()).as(loaded.err()).isZero();
    Submission after = Submissions.of(own).find(sent.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(SubmissionState.LOADED);
    assertThat(after.counts()).containsExactly(java.util.Map.entry(Table.REPORT_VALUES, new RowCounts(2, 2, 0)));
    assertThat(spark.read().parquet(Lake.table(own.snapshot(own.current().orElseThrow()), Table.REPORT_VALUES)
        .toString()).selectExpr("report_id", "region_code", "cast(period_end as string)", "value").orderBy("report_id")
        .collectAsList()).extracting(Object::toString).containsExactly("[T1,01,2025-09-30,12.0]", "[T2,01,2025-09-30,30.0]");
  }

  @Test
  void watching_loads_each_submission_as_it_arrives_in_one_session_until_stopped() throws Exception {
    Lake watched = Lake.at(tmp.resolve("watched-lake"));
    Submissions inbox = Submissions.of(watched);
    Path files = new TestLanding(tmp.resolve("watched-upload"))
        .csv("july", "report_values-july.csv", IncrementalLoadTest.HEADER,
            "W1,01,2025-07-01,2025-07-31,police,gifts,,7,", "W2,01,2025-07-01,2025-07-31,police,gifts,,4.494,")
        .csv("august", "report_values-august.csv", IncrementalLoadTest.HEADER,
            "W3,01,2025-08-01,2025-08-31,police,gifts,,5,", "W1,01,2025-07-01,2025-07-31,police,gifts,,8,")
        .csv("phone", "posts-phone.csv", "post_id,unit,region_code,platform,channel,published_at,format,phone",
            "P9,police,01,facebook,Trang,2025-08-01T09:00:00+07:00,image,0912345678")
        .root();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LoadCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
    Thread watcher = new Thread(() -> exit.set(cli.execute("--submissions", "--watch", "1", "--lake",
        watched.root().toString(), "--as-of", "2025-09-30", "--progress", "lines")), "load-watch");
    watcher.start();
    try {
      Submission july;
      // another load holds the lake when July's arrives: the watcher's load of it fails, and the
      // set is not tried again for a minute, but at once when the next submission arrives
      try (vn.danvan.contract.LakeLock other = vn.danvan.contract.LakeLock.acquire(watched)) {
        july = inbox.submit(List.of(files.resolve("july/report_values-july.csv")), "hanoi", "01",
            Instant.parse("2025-08-01T02:00:00Z"), 1);
        String pending = "the submissions stay pending; tried again when another arrives, or in 1 min";
        await("say '" + pending + "'", () -> err.toString().contains(pending), watcher, out, err);
      }
      assertThat(err.toString()).contains("another load is running on this lake");
      assertThat(watched.current()).isEmpty();
      long retryDue = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
      Submission phoned = inbox.submit(List.of(files.resolve("phone/posts-phone.csv")), "hanoi", "01",
          Instant.parse("2025-08-02T02:00:00Z"), 0);
      String first = publishedAfter(watched, null, watcher, out, err);
      assertThat(System.nanoTime()).as("published when the next submission arrived, before the minute's retry")
          .isLessThan(retryDue);
      assertThat(inbox.find(july.id()).orElseThrow().snapshot()).isEqualTo(first);
      assertThat(inbox.find(phoned.id()).orElseThrow().state()).isEqualTo(SubmissionState.REFUSED);

      Submission august = inbox.submit(List.of(files.resolve("august/report_values-august.csv")), "hanoi", "01",
          Instant.parse("2025-09-01T02:05:00Z"), 0);
      String second = publishedAfter(watched, first, watcher, out, err);

      assertThat(inbox.find(august.id()).orElseThrow().snapshot()).isEqualTo(second);
      assertThat(watched.snapshotIds()).containsExactly(first, second);
      // the second load replaced W1 and added W3 to what the first landed
      assertThat(spark.read().parquet(Lake.table(watched.snapshot(second), Table.REPORT_VALUES).toString())
          .selectExpr("report_id", "value").orderBy("report_id").collectAsList())
          .extracting(Object::toString).containsExactly("[W1,8.0]", "[W3,5.0]");
      assertThat(out.toString()).contains("submission " + july.id() + ": loaded into snapshot " + first
          + ", read 2, landed 1, quarantined 1").contains("submission " + august.id() + ": loaded into snapshot "
          + second + ", read 2, landed 2, quarantined 0");
      assertThat(err.toString()).contains("submission " + phoned.id() + " of hanoi refused");
      assertThat(watcher.isAlive()).isTrue();
    } finally {
      watcher.interrupt();
      watcher.join(60_000);
    }
    assertThat(watcher.isAlive()).isFalse();
    assertThat(exit.get()).as(err.toString()).isZero();
  }

  /**
   * The lake's snapshot once the watcher has published one after {@code after} and said so (its
   * summary comes after the switch of CURRENT).
   */
  private static String publishedAfter(Lake watched, String after, Thread watcher, StringWriter out,
      StringWriter err) throws InterruptedException {
    await("publish a snapshot after " + after, () -> watched.current().filter(c -> !c.equals(after))
        .map(c -> out.toString().contains("loaded into snapshot " + c)).orElse(false), watcher, out, err);
    return watched.current().orElseThrow();
  }

  /** Waits until {@code done}; fails when the watcher stops, or after five minutes. */
  private static void await(String what, java.util.function.BooleanSupplier done, Thread watcher, StringWriter out,
      StringWriter err) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline || !watcher.isAlive()) {
        throw new AssertionError("the watcher did not " + what + (watcher.isAlive() ? " in five minutes" : ": it stopped")
            + "; out: " + out + "; err: " + err);
      }
      Thread.sleep(100);
    }
  }
}
