package vn.danvan.dashboard.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.dashboard.Main;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * {@code bin/danvan release ...} over a {@link TestLake}: snapshot S1 frozen as a release, then a
 * later load S2 that corrects three figures (TestLake#corrected).
 */
class ReleaseCommandTest {
  static final String S1 = "20260101T000000000Z-00000001";
  static final String S2 = "20260201T000000000Z-00000002";
  private static final String REPORT = "{\"snapshot\":\"" + S1 + "\",\"as_of\":\"2026-01-01\",\"tables\":{"
      + "\"report_values\":{\"read\":12,\"landed\":10,\"quarantined\":2,\"rows_in_lake\":10},"
      + "\"activities\":{\"read\":5,\"landed\":5,\"quarantined\":0,\"rows_in_lake\":9}}}";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    ((ReleaseCommand) cli.getSubcommands().get("release").getCommand())
        .withClock(Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--lake", tmp.toString()));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  private TestLake frozenThenCorrected() {
    TestLake lake = TestLake.in(tmp).marts(S1, 34, 7).loadReport(S1, REPORT).publish(S1);
    assertThat(run("release", "create", "tong-ket-2025", "--title", "Số liệu tổng kết năm 2025").code()).isZero();
    return lake.corrected(S1, S2).publish(S2);
  }

  @Test
  void create_freezes_the_current_snapshot_and_show_and_list_tell_what_it_holds() {
    frozenThenCorrected();
    String account = "os:" + System.getProperty("user.name");

    Run show = run("release", "show", "tong-ket-2025");
    assertThat(show.code()).isZero();
    assertThat(show.lines()).contains(
        "title            Số liệu tổng kết năm 2025",
        "snapshot         " + S1,
        "created (UTC)    2026-01-15T08:00:00Z",
        "created by       " + account,
        "files            3",
        "load report      read 17, landed 15, quarantined 2; rows in the lake 19 (load of 2026-01-01)");
    Run list = run("release", "list");
    assertThat(list.lines()).hasSize(2);
    assertThat(list.lines().get(1)).startsWith("tong-ket-2025  2026-01-15T08:00:00Z  " + account + "  " + S1 + "  3")
        .endsWith("Số liệu tổng kết năm 2025");
    List<AuditEvent> audited = new ArrayList<>();
    AuditTrail.in(tmp.resolve("audit")).forEach(AuditFilter.parse(null, null, "release"), audited::add);
    assertThat(audited).singleElement().satisfies(e -> {
      assertThat(e.login()).isEqualTo(account);
      assertThat(e.target()).startsWith("release create tong-ket-2025 (snapshot " + S1 + ", manifest ");
      assertThat(e.outcome()).isEqualTo("ok");
    });
  }

  @Test
  void a_name_is_never_taken_twice_and_an_unknown_one_names_the_releases_there_are() {
    frozenThenCorrected();

    Run again = run("release", "create", "tong-ket-2025", "--title", "khác", "--snapshot", S2);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("release tong-ket-2025 exists already");
    Run unknown = run("release", "show", "tong-ket-2024");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no release named 'tong-ket-2024'").contains("releases: tong-ket-2025");
    assertThat(run("release", "show", "tong-ket-2025").out()).contains("Số liệu tổng kết năm 2025");
  }

  @Test
  void verify_holds_until_a_file_changes_then_lists_it_and_exits_1() throws Exception {
    TestLake lake = frozenThenCorrected();

    Run holds = run("release", "verify", "tong-ket-2025");
    assertThat(holds.code()).isZero();
    assertThat(holds.out()).isEqualTo("release verify: tong-ket-2025 holds: 3 files match the manifest\n");
    Files.writeString(lake.snapshotDir(S1).resolve("_load_report.json"), "{}");
    Files.writeString(lake.snapshotDir(S1).resolve("stray.parquet"), "x");

    Run broken = run("release", "verify", "tong-ket-2025");
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.lines()).containsExactly(
        "release verify: tong-ket-2025 does NOT hold: 2 of 3 files differ from the manifest",
        "changed: _load_report.json", "added: stray.parquet");
    List<String> outcomes = new ArrayList<>();
    AuditTrail.in(tmp.resolve("audit")).forEach(AuditFilter.parse(null, null, "release"),
        e -> outcomes.add(e.outcome() + " " + e.target()));
    assertThat(outcomes).endsWith("ok release verify tong-ket-2025",
        "failed release verify tong-ket-2025 (2 problems)");
  }

  @Test
  void diff_lists_exactly_the_corrected_figures_as_a_table_csv_and_json() throws Exception {
    frozenThenCorrected();

    Run table = run("release", "diff", "tong-ket-2025");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.lines()).containsExactly(
        "CHANGE    MART        INDICATOR          BOUNDARIES  LEVEL     REGION  NAME    GRAIN  PERIOD  DETAIL  BEFORE  AFTER",
        "changed   indicators  activity_sessions  2025        province  05      Tỉnh 5  year   2024    -       705     750",
        "vanished  indicators  activity_sessions  reported    province  07      Tỉnh 7  year   2020    -       707     -",
        "appeared  indicators  houses_supported   2025        province  03      Tỉnh 3  year   2024    -       -       5",
        "release diff: tong-ket-2025 (snapshot " + S1 + ") -> current (snapshot " + S2
            + "): 1 changed, 1 appeared, 1 vanished");

    Run csv = run("release", "diff", "tong-ket-2025", "--csv");
    assertThat(csv.lines()).containsExactly(
        "change,mart,indicator,boundaries,level,region,name,grain,period,detail,before,after",
        "changed,indicators,activity_sessions,2025,province,05,Tỉnh 5,year,2024,,705,750",
        "vanished,indicators,activity_sessions,reported,province,07,Tỉnh 7,year,2020,,707,",
        "appeared,indicators,houses_supported,2025,province,03,Tỉnh 3,year,2024,,,5");

    JsonNode json = new ObjectMapper().readTree(run("release", "diff", "tong-ket-2025", "--json").out());
    assertThat(json.get("release").get("snapshot").asText()).isEqualTo(S1);
    assertThat(json.get("against").toString()).isEqualTo("{\"name\":\"current\",\"snapshot\":\"" + S2 + "\"}");
    assertThat(json.get("counts").toString()).isEqualTo("{\"changed\":1,\"appeared\":1,\"vanished\":1}");
    assertThat(json.get("figures").get(0).toString()).isEqualTo("{\"change\":\"changed\",\"mart\":\"indicators\","
        + "\"indicator\":\"activity_sessions\",\"boundaries\":\"2025\",\"level\":\"province\",\"region\":\"05\","
        + "\"name\":\"Tỉnh 5\",\"grain\":\"year\",\"period\":\"2024\",\"before\":705.0,\"after\":750.0}");
  }

  @Test
  void diff_against_another_release_and_against_itself() {
    frozenThenCorrected();
    assertThat(run("release", "create", "dinh-chinh-1", "--title", "Đính chính 1").code()).isZero();

    Run other = run("release", "diff", "dinh-chinh-1", "--against", "tong-ket-2025", "--csv");
    assertThat(other.lines()).containsExactly(
        "change,mart,indicator,boundaries,level,region,name,grain,period,detail,before,after",
        "changed,indicators,activity_sessions,2025,province,05,Tỉnh 5,year,2024,,750,705",
        "appeared,indicators,activity_sessions,reported,province,07,Tỉnh 7,year,2020,,,707",
        "vanished,indicators,houses_supported,2025,province,03,Tỉnh 3,year,2024,,5,");
    assertThat(run("release", "diff", "dinh-chinh-1").lines()).containsExactly("release diff: dinh-chinh-1 (snapshot "
        + S2 + ") -> current (snapshot " + S2 + "): 0 changed, 0 appeared, 0 vanished");
    Run unknown = run("release", "diff", "dinh-chinh-1", "--against", "nope");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no release named 'nope'");
  }
}
