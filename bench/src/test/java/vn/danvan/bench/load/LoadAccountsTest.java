package vn.danvan.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.AccountStore;
import vn.danvan.dashboard.access.AccountSummary;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.contract.audit.AuditEvent;

/** The bench's accounts in a real store: usable while the bench runs, disabled when it ends. */
class LoadAccountsTest {
  @TempDir Path tmp;

  @Test
  void about_sixty_percent_are_national_and_the_rest_spread_over_up_to_four_provinces() {
    assertThat(LoadAccounts.nationalUsers(50)).isEqualTo(30);
    assertThat(LoadAccounts.nationalUsers(1)).isEqualTo(1);
    assertThat(LoadAccounts.nationalUsers(2)).isEqualTo(1);
    List<String> provinces = List.of("01", "04", "08", "11", "12", "14", "15", "19");
    assertThat(LoadAccounts.spread(provinces, 20)).containsExactly("01", "08", "12", "15");
    assertThat(LoadAccounts.spread(provinces, 2)).containsExactly("01", "12");
    assertThat(LoadAccounts.spread(List.of("01"), 20)).containsExactly("01");
    assertThat(LoadAccounts.spread(provinces, 0)).isEmpty();
  }

  @Test
  void each_user_has_its_own_token_and_scope_until_the_bench_disables_them() {
    Lake lake = Lake.at(tmp.resolve("lake"));
    AccountStore store = AccountStore.open(lake);
    RecordingAudit audit = new RecordingAudit();
    LoadAccounts.User national;
    LoadAccounts.User hanoi;
    try (LoadAccounts accounts = new LoadAccounts(store, audit, Clock.systemUTC())) {
      national = accounts.add(0, "VN");
      hanoi = accounts.add(1, "01");
      assertThat(national.login()).isEqualTo("bench-load-01");
      assertThat(national.token()).isNotEqualTo(hanoi.token());
      assertThat(store.bearer(hanoi.token())).map(Account::login).hasValue("bench-load-02");
      assertThat(store.bearer(hanoi.token())).map(a -> a.scope().rootCode()).hasValue("01");
      assertThat(store.bearer(national.token())).map(Account::role).hasValue(Role.VIEWER);
      assertThat(hanoi.toString()).doesNotContain(hanoi.token());
    }
    assertThat(store.bearer(national.token())).isEmpty();
    assertThat(store.bearer(hanoi.token())).isEmpty();
    assertThat(store.list()).extracting(AccountSummary::disabled).containsExactly(true, true);
    assertThat(audit.events()).extracting(AuditEvent::action).containsExactly(AuditEvent.Action.ACCOUNT_ADD,
        AuditEvent.Action.ACCOUNT_TOKEN, AuditEvent.Action.ACCOUNT_ADD, AuditEvent.Action.ACCOUNT_TOKEN,
        AuditEvent.Action.ACCOUNT_DISABLE, AuditEvent.Action.ACCOUNT_DISABLE);
    // a second bench over the same lake takes the same logins again, with new tokens
    try (LoadAccounts again = new LoadAccounts(store, audit, Clock.systemUTC())) {
      LoadAccounts.User first = again.add(0, "VN");
      assertThat(store.bearer(first.token())).isPresent();
      assertThat(store.bearer(national.token())).isEmpty();
    }
  }
}
