package vn.danvan.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.audit.AuditTrail;

/** {@code bin/danvan audit}: the trail over its files in time order, filtered. */
class AuditCommandTest {
  @TempDir Path lake;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    AuditTrailFixture.write(lake.resolve("audit"));
    CommandLine cli = new CommandLine(new AuditCommand(Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--lake";
    all[1] = lake.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  @Test
  void prints_an_aligned_table_oldest_first_over_every_file() {
    assertThat(AuditTrail.in(lake.resolve("audit")).files()).isEmpty();
    assertThat(run()).isZero();
    assertThat(AuditTrail.in(lake.resolve("audit")).files()).hasSize(2);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo(
        "time (UTC)                login  role     scope  address    action        outcome  rows  target");
    assertThat(lines.get(2)).isEqualTo(
        "2026-12-01T09:05:00.000Z  lan    analyst  VN     127.0.0.1  download      ok       34    csv: Bảng A (/map.html)");
    assertThat(lines.get(3)).isEqualTo(
        "2026-12-02T16:59:59.999Z  minh   analyst  VN     127.0.0.1  login_failed  denied   -     -");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void filters_by_since_login_and_action() {
    assertThat(run("--since", "2026-12-03", "--login", "minh")).isZero();
    assertThat(out.toString().lines().skip(1).map(l -> l.substring(0, 24)).toList())
        .containsExactly("2026-12-02T17:00:00.000Z", "2026-12-03T01:00:00.000Z");
  }

  @Test
  void json_prints_the_lines_as_written() {
    assertThat(run("--action", "download", "--json", "--since", "2026-12-02T08:00")).isZero();
    assertThat(out.toString()).isEqualTo("{\"time\":\"2026-12-03T01:00:00.000Z\",\"login\":\"minh\",\"role\":\"analyst\","
        + "\"scope\":\"VN\",\"address\":\"127.0.0.1\",\"action\":\"download\",\"target\":\"xlsx: Bảng B (/trends.html)\","
        + "\"outcome\":\"ok\",\"rows\":12}\n{\"time\":\"2026-12-03T02:00:00.000Z\",\"login\":\"lan\",\"role\":\"analyst\","
        + "\"scope\":\"VN\",\"address\":\"127.0.0.1\",\"action\":\"download\",\"target\":\"csv: Bảng C\","
        + "\"outcome\":\"ok\",\"rows\":5}\n");
  }

  @Test
  void a_bad_filter_exits_2_with_the_usage() {
    assertThat(run("--action", "delete")).isEqualTo(2);
    assertThat(err.toString()).contains("--action: one of login, login_failed").contains("Usage: audit");
    assertThat(out.toString()).isEmpty();
  }
}
