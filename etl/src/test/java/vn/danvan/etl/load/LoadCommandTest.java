package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.etl.cli.LoadCommand;

/**
 * The {@code load} command as people and the benchmark call it: exit codes, what it prints, and
 * that a refused input leaves the lake exactly as it was.
 */
class LoadCommandTest {
  @TempDir
  static Path tmp;
  static SparkSession spark;
  static Path lake;
  static String published;
  static String firstOutput;

  /** What one run of the command printed and returned. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void publishOne() {
    spark = TestSpark.start("load-command-test");
    lake = tmp.resolve("lake");
    Path landing = new TestLanding(tmp.resolve("good"))
        .csv("report_values", "rv.csv", IncrementalLoadTest.HEADER,
            "R1,01,2024-01-01,2024-06-30,police,gifts,,10,", "R2,01,2024-01-01,2024-06-30,police,gifts,,-3,")
        .root();
    Run run = run(landing);
    assertThat(run.exit()).as(run.err()).isZero();
    firstOutput = run.out();
    published = Lake.at(lake).current().orElseThrow();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Run run(Path landing, String... more) {
    return runInto(lake, landing, more);
  }

  static Run runInto(Path lakeDir, Path landing, String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LoadCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new java.util.ArrayList<>(List.of(landing.toString(), "--lake", lakeDir.toString(),
        "--as-of", "2025-09-30"));
    args.addAll(List.of(more));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  /** The lake is as the first load left it: same CURRENT, one snapshot, nothing staged. */
  static void assertLakeUnchanged() throws Exception {
    assertThat(Lake.at(lake).current()).contains(published);
    assertThat(Lake.at(lake).snapshotIds()).containsExactly(published);
    try (Stream<Path> staged = Files.list(lake.resolve(Lake.STAGING))) {
      assertThat(staged).isEmpty();
    }
  }

  @Test
  void a_published_load_prints_its_phases_and_a_summary_and_exits_0() {
    assertThat(firstOutput.lines().toList()).contains("[load] reading report_values (1 file)",
        "[load] writing report_values", "[load] publishing", "[load] published snapshot " + published);
    assertThat(firstOutput).containsPattern("report_values\\s+2\\s+1\\s+1\\s+1")
        .contains("top quarantine reasons:").containsPattern("negative_value\\s+1");
  }

  @Test
  void every_load_and_every_refused_input_is_in_the_audit_trail() {
    Path landing = new TestLanding(tmp.resolve("audit-refused"))
        .csv("posts", "p.csv", "post_id,unit,region_code,platform,channel,published_at,format,email",
            "P1,military,01,facebook,page,2025-01-01T08:00:00+07:00,text,a@b.vn")
        .root();
    assertThat(run(landing).exit()).isEqualTo(2);
    List<AuditEvent> imports = AuditTrail.in(Lake.at(lake).auditDir())
        .newest(new AuditFilter(null, null, AuditEvent.Action.IMPORT), 100).events();
    // the first load: 2 rows read, 1 landed
    assertThat(imports).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("ok");
      assertThat(e.rows()).isEqualTo(1L);
      assertThat(e.target()).startsWith("load " + tmp.resolve("good")).endsWith("-> snapshot " + published);
      assertThat(e.address()).isEqualTo("cli");
      assertThat(e.login()).isEqualTo("os:" + System.getProperty("user.name"));
    });
    assertThat(imports).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("refused");
      assertThat(e.target()).startsWith("load " + landing).contains("'email'");
      assertThat(e.rows()).isNull();
    });
  }

  @Test
  void rejects_file_with_phone_column() throws Exception {
    Path landing = new TestLanding(tmp.resolve("phone"))
        .csv("posts", "posts.csv",
            "post_id,unit,region_code,platform,channel,published_at,format,phone",
            "P1,military,01,facebook,page,2025-01-01T08:00:00+07:00,text,0912345678")
        .root();
    Run run = run(landing);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(landing.resolve("posts/posts.csv").toString()).contains("'phone'")
        .contains("a phone number").contains("nothing of this load was written");
    assertLakeUnchanged();
  }

  @Test
  void rejects_file_with_commenter_name_column() throws Exception {
    Path landing = new TestLanding(tmp.resolve("commenter"))
        .csv("report_values", "ok.csv", IncrementalLoadTest.HEADER,
            "R9,01,2024-01-01,2024-06-30,police,gifts,,10,")
        .jsonl("post_metrics", "m.jsonl",
            "{\"post_id\":\"P1\",\"observed_at\":\"2025-01-02T08:00:00+07:00\",\"shares\":1,"
                + "\"comments\":1,\"reactions\":1}",
            "{\"post_id\":\"P1\",\"observed_at\":\"2025-01-03T08:00:00+07:00\",\"shares\":1,"
                + "\"comments\":2,\"reactions\":1,\"commenter_name\":\"Nguyễn Văn A\"}")
        .root();
    Run run = run(landing);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(landing.resolve("post_metrics/m.jsonl").toString())
        .contains("'commenter_name'");
    assertLakeUnchanged();
  }

  @Test
  void an_unknown_table_folder_is_refused() throws Exception {
    Path landing = new TestLanding(tmp.resolve("unknown"))
        .csv("report_values", "ok.csv", IncrementalLoadTest.HEADER,
            "R9,01,2024-01-01,2024-06-30,police,gifts,,10,")
        .csv("volunteers", "v.csv", "id,x", "1,2")
        .root();
    Run run = run(landing);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown table folder 'volunteers'");
    assertLakeUnchanged();
  }

  @Test
  void a_file_of_unknown_format_is_refused() throws Exception {
    Path landing = new TestLanding(tmp.resolve("docx"))
        .text("report_values", "report.docx", "not a table")
        .root();
    Run run = run(landing);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(landing.resolve("report_values/report.docx").toString());
    assertLakeUnchanged();
  }

  @Test
  void a_missing_landing_folder_is_refused() throws Exception {
    Run run = run(tmp.resolve("no-such-folder"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no-such-folder").contains("does not exist");
    assertLakeUnchanged();
  }

  @Test
  void on_a_terminal_each_stage_draws_a_bar_with_its_tasks_and_rows() {
    Run run = runInto(tmp.resolve("bars-lake"), tmp.resolve("good"), "--progress", "bars");

    assertThat(run.exit()).as(run.err()).isZero();
    // each stage's bar is redrawn in place (\r) and left on its own line, complete, when the next begins
    List<String> finalBars = Stream.of(run.out().split("\n")).map(l -> l.substring(l.lastIndexOf('\r') + 1))
        .toList();
    // 2 rows read from the file; 1 landed, 1 quarantined
    assertThat(finalBars).anySatisfy(l -> assertThat(l).startsWith("writing report_values 100%")
        .endsWith("2 written"));
    assertThat(finalBars).anySatisfy(l -> assertThat(l).startsWith("building indicator_values 100%"));
    assertThat(finalBars).contains("[load] marts: 8 indicator values, 133 regions, 0 post stats");
    assertThat(runInto(tmp.resolve("bars-lake"), tmp.resolve("good"), "--progress", "fancy").exit()).isEqualTo(2);
  }

  @Test
  void a_full_disk_ends_in_one_line_naming_the_table_and_the_log_and_publishes_nothing() throws Exception {
    // a small filesystem holding a copy of the lake, filled up to its last 64 KiB: the next
    // snapshot cannot fit
    Path mount = Files.createDirectories(tmp.resolve("small-disk"));
    long size = 64L << 20;
    Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    Assumptions.assumeTrue(mounting.waitFor() == 0, "needs root to mount a small tmpfs: "
        + new String(mounting.getInputStream().readAllBytes()));
    try {
      Path small = mount.resolve("lake");
      copyTree(lake, small);
      long free = Files.getFileStore(small).getUsableSpace();
      Files.write(mount.resolve("filler"), new byte[(int) (free - (64 << 10))]);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new LoadCommand());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      // --full: an incremental load of this small landing links every table it does not reach and
      // fits in what is left; a full one rewrites every table and runs out of space in the marts
      int exit = cli.execute(tmp.resolve("good").toString(), "--lake", small.toString(), "--as-of", "2025-09-30",
          "--full");

      assertThat(exit).as(out + "\n" + err).isEqualTo(4);
      // the audit trail is on the full disk too: its warning comes first, the failure's line last
      List<String> lines = err.toString().lines().filter(l -> !l.startsWith("warning: the audit trail")).toList();
      assertThat(lines).hasSize(1);
      assertThat(err.toString().lines().reduce((a, b) -> b)).contains(lines.get(0));
      assertThat(lines.get(0)).startsWith("load failed while building ").contains("no space left on the device")
          .contains("Nothing was published; snapshot " + published + " stays current.").contains("Full log: ")
          .endsWith("(exit 4)");
      Path log = Path.of(lines.get(0).replaceAll(".*Full log: (\\S+) \\(exit 4\\)$", "$1"));
      assertThat(log).startsWith(Path.of(System.getProperty("java.io.tmpdir"))).exists();
      assertThat(Files.readString(log)).contains("No space left on device").contains("\tat ");
      assertThat(Lake.at(small).current()).contains(published);
      assertThat(Lake.at(small).snapshotIds()).containsExactly(published);
      try (Stream<Path> staged = Files.list(small.resolve(Lake.STAGING))) {
        assertThat(staged).isEmpty();
      }
    } finally {
      // lazily: Spark may still hold a file of the failed write open
      new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void an_out_of_memory_stage_ends_in_one_line_and_publishes_nothing() throws Exception {
    // a load as bin/danvan runs it, in a JVM of 512 MiB, of a landing whose report values hold
    // one field of 384 MiB: reading it runs a Spark task out of memory
    Path small = tmp.resolve("oom-lake");
    copyTree(lake, small);
    Path landing = new TestLanding(tmp.resolve("oom-landing"))
        .csv("report_values", "rv.csv", IncrementalLoadTest.HEADER, "R3,01,2024-01-01,2024-06-30,police,gifts,,4,")
        .root();
    try (java.io.Writer w = Files.newBufferedWriter(landing.resolve("report_values/huge.csv"))) {
      w.write(IncrementalLoadTest.HEADER + "\nR4,01,2024-01-01,2024-06-30,police,gifts,,5,\"");
      char[] block = new char[1 << 20];
      java.util.Arrays.fill(block, 'x');
      for (int i = 0; i < 384; i++) {
        w.write(block);
      }
      w.write("\"\n");
    }
    Path logs = Files.createDirectories(tmp.resolve("oom-logs"));
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-Xmx") && !a.startsWith("-javaagent")).forEach(command::add);
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "vn.danvan.etl.cli.Main",
        "load", landing.toString(), "--lake", small.toString(), "--as-of", "2025-09-30", "--progress", "lines"));
    ProcessBuilder child = new ProcessBuilder(command).redirectOutput(tmp.resolve("oom.out").toFile())
        .redirectError(tmp.resolve("oom.err").toFile());
    child.environment().put("DANVAN_LOG_DIR", logs.toString());
    Process load = child.start();
    assertThat(load.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("the load ends").isTrue();
    String err = Files.readString(tmp.resolve("oom.err"));

    assertThat(load.exitValue()).as(err).isEqualTo(5);
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(err).hasSize(1);
    assertThat(lines.get(0)).startsWith("load failed while ").contains("out of memory")
        .contains("Nothing was published; snapshot " + published + " stays current.").endsWith("(exit 5)");
    Path log = Path.of(lines.get(0).replaceAll(".*Full log: (\\S+) \\(exit 5\\)$", "$1"));
    assertThat(log).startsWith(logs);
    assertThat(Files.readString(log)).contains("java.lang.OutOfMemoryError");
    assertThat(Lake.at(small).current()).contains(published);
    assertThat(Lake.at(small).snapshotIds()).containsExactly(published);
    try (Stream<Path> staged = Files.list(small.resolve(Lake.STAGING))) {
      assertThat(staged).as("the failed load's staging folder is removed").isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
