package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.Main;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.warehouse.query.RegionScope;

class UsersCommandTest {
  @TempDir Path tmp;

  /** What one run of the command line gave. */
  record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private final List<AuditEvent> audited = new ArrayList<>();

  private Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    ((UsersCommand) cli.getSubcommands().get("users").getCommand())
        .withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
        .withClock(Clock.fixed(Instant.parse("2026-12-03T09:30:00Z"), ZoneOffset.UTC))
        .withAudits(lake -> audited::add);
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  private String lake() {
    return tmp.resolve("lake").toString();
  }

  private AccountStore store() {
    return AccountStore.open(Lake.at(tmp.resolve("lake")));
  }

  @Test
  void add_reads_the_password_from_stdin_and_list_shows_an_aligned_table() {
    Run added = run("Hồ Gươm lúc bình minh\r\n", "users", "add", "lan.nguyen", "--role", "reporter", "--scope", "00004",
        "--lake", lake(), "--password-stdin", "--must-change");
    assertThat(added.code()).isZero();
    assertThat(added.err()).contains("warning: no snapshot published");
    assertThat(store().login("lan.nguyen", "Hồ Gươm lúc bình minh".toCharArray()))
        .contains(new Account("lan.nguyen", Role.REPORTER, new RegionScope("00004"), true, false));
    assertThat(run("", "users", "token", "lan.nguyen", "--lake", lake()).code()).isZero();

    Run list = run("", "users", "list", "--lake", lake());
    assertThat(list.code()).isZero();
    assertThat(list.lines()).hasSize(2);
    assertThat(list.lines().get(0)).isEqualTo("LOGIN       ROLE      SCOPE  STATUS       TOKENS  CREATED");
    assertThat(list.lines().get(1)).isEqualTo("lan.nguyen  reporter  00004  must-change  1       2026-12-03T09:30:00Z");
  }

  @Test
  void each_change_is_audited_with_the_account_as_target() {
    run("a long enough phrase\n", "users", "add", "ops", "--role", "admin", "--scope", "VN", "--lake", lake(),
        "--password-stdin");
    run("another long phrase\n", "users", "passwd", "ops", "--lake", lake(), "--password-stdin");
    run("", "users", "token", "ops", "--lake", lake());
    run("", "users", "list", "--lake", lake());
    run("", "users", "disable", "ops", "--lake", lake());
    run("", "users", "disable", "nobody", "--lake", lake());

    assertThat(audited).extracting(AuditEvent::action)
        .containsExactly(Action.ACCOUNT_ADD, Action.ACCOUNT_PASSWD, Action.ACCOUNT_TOKEN, Action.ACCOUNT_DISABLE);
    assertThat(audited).allSatisfy(e -> {
      assertThat(e.target()).isEqualTo("ops");
      assertThat(e.address()).isEqualTo("cli");
      assertThat(e.outcome()).isEqualTo("ok");
      assertThat(e.time()).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
    });
  }

  @Test
  void token_prints_a_working_token_on_its_last_line() {
    store().add("ops", Role.ANALYST, RegionScope.country(), "a long enough phrase".toCharArray(), false);
    Run token = run("", "users", "token", "ops", "--lake", lake());
    assertThat(token.code()).isZero();
    List<String> lines = token.lines();
    assertThat(token.out()).endsWith(lines.get(lines.size() - 1) + System.lineSeparator());
    String last = lines.get(lines.size() - 1);
    assertThat(last).matches("dvt_[A-Za-z0-9_-]{43}");
    assertThat(store().bearer(last)).map(Account::login).contains("ops");

    assertThat(run("", "users", "disable", "ops", "--lake", lake()).code()).isZero();
    assertThat(store().bearer(last)).isEmpty();
  }

  @Test
  void refusals_exit_1_with_the_reason_and_usage_errors_exit_2() {
    Run empty = run("\n", "users", "add", "lan", "--role", "viewer", "--scope", "01", "--lake", lake(), "--password-stdin");
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.err()).contains("users add: no password on standard input (an empty line)");

    Run shortOne = run("too short\n", "users", "passwd", "lan", "--lake", lake(), "--password-stdin");
    assertThat(shortOne.code()).isEqualTo(1);
    assertThat(shortOne.err()).contains("users passwd: password refused: it has 9 characters, at least 12");

    Run unknown = run("", "users", "disable", "nobody", "--lake", lake());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("users disable: no account 'nobody'");

    Run badRole = run("a long enough phrase\n", "users", "add", "lan", "--role", "boss", "--scope", "01",
        "--lake", lake(), "--password-stdin");
    assertThat(badRole.code()).isEqualTo(2);
    assertThat(badRole.err()).contains("--role must be one of viewer, analyst, reporter, admin, not 'boss'");

    Run noStdinFlag = run("a long enough phrase\n", "users", "add", "lan", "--role", "viewer", "--scope", "01",
        "--lake", lake());
    assertThat(noStdinFlag.code()).isEqualTo(2);
    assertThat(noStdinFlag.err()).contains("--password-stdin");
    assertThat(run("", "users").code()).isEqualTo(2);
    assertThat(store().list()).isEmpty();
  }

  @Test
  void add_refuses_a_scope_the_snapshot_does_not_know() {
    Lake lake = ScopeCheckTest.lakeWithRegions(tmp.resolve("regions"));
    Run refused = run("a long enough phrase\n", "users", "add", "lan", "--role", "viewer", "--scope", "00010",
        "--lake", lake.root().toString(), "--password-stdin");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("scope refused: '00010'");
    Run added = run("a long enough phrase\n", "users", "add", "lan", "--role", "viewer", "--scope", "01",
        "--lake", lake.root().toString(), "--password-stdin");
    assertThat(added.code()).isZero();
    assertThat(added.out()).contains("lan (viewer, scope 01 Thành phố Hà Nội)");
    assertThat(added.err()).isEmpty();
  }

  @Test
  void demo_prints_one_time_passwords_that_log_in_once_each() {
    Lake lake = ScopeCheckTest.lakeWithRegions(tmp.resolve("regions"));
    Run demo = run("", "users", "demo", "--lake", lake.root().toString());
    assertThat(demo.code()).isZero();
    Matcher admin = Pattern.compile("  admin  admin   VN\\s+([a-zA-Z2-9]{16})\\R").matcher(demo.out());
    Matcher hanoi = Pattern.compile("  hanoi  viewer  01 Thành phố Hà Nội\\s+([a-zA-Z2-9]{16})\\R").matcher(demo.out());
    assertThat(admin.find()).as(demo.out()).isTrue();
    assertThat(hanoi.find()).as(demo.out()).isTrue();
    assertThat(admin.group(1)).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "l", "I");

    AccountStore store = AccountStore.open(lake);
    assertThat(store.login("admin", admin.group(1).toCharArray()))
        .contains(new Account("admin", Role.ADMIN, RegionScope.country(), true, false));
    assertThat(store.login("hanoi", hanoi.group(1).toCharArray()))
        .contains(new Account("hanoi", Role.VIEWER, new RegionScope("01"), true, false));
  }
}
