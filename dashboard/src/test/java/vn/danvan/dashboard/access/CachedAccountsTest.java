package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.danvan.warehouse.query.RegionScope;

/** The server's view of the accounts: kept for its time, a change of its own seen at once. */
class CachedAccountsTest {
  private static final String TOKEN = "dvt_" + "A".repeat(43);

  /** The test accounts, counting the questions that reach them. */
  private static final class Counting implements Accounts {
    final TestAccounts accounts = TestAccounts.standard()
        .add(new Account("lan", Role.VIEWER, new RegionScope("01"), false, false), TestAccounts.PASSWORD, TOKEN);
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public Optional<Account> login(String login, char[] password) {
      asked.incrementAndGet();
      return accounts.login(login, password);
    }

    @Override
    public Optional<Account> bearer(String token) {
      asked.incrementAndGet();
      return accounts.bearer(token);
    }

    @Override
    public Optional<Account> find(String login) {
      asked.incrementAndGet();
      return accounts.find(login);
    }

    @Override
    public void changePassword(String login, char[] newPassword) {
      accounts.changePassword(login, newPassword);
    }
  }

  @Test
  void answers_are_kept_for_their_time_and_a_change_made_here_is_seen_at_once() {
    Counting store = new Counting();
    MovableClock clock = new MovableClock(Web.START);
    CachedAccounts cached = new CachedAccounts(store, Duration.ofSeconds(10), clock);
    for (int i = 0; i < 100; i++) {
      assertThat(cached.bearer(TOKEN)).map(Account::login).contains("lan");
      assertThat(cached.find("lan")).map(Account::scope).contains(new RegionScope("01"));
    }
    assertThat(store.asked).hasValue(2);
    assertThat(cached.bearer("dvt_unknown")).isEmpty();
    assertThat(cached.bearer("dvt_unknown")).isEmpty();
    assertThat(store.asked).hasValue(3);

    // another process disables the account: seen once the kept answers have run out
    store.accounts.add(new Account("lan", Role.VIEWER, new RegionScope("01"), false, true), TestAccounts.PASSWORD,
        TOKEN);
    assertThat(cached.bearer(TOKEN)).isPresent();
    clock.advance(Duration.ofSeconds(10));
    assertThat(cached.bearer(TOKEN)).isEmpty();
    assertThat(cached.find("lan")).map(Account::disabled).contains(true);

    // a password changed through the server: the next look-up asks the store
    int before = store.asked.get();
    cached.find(TestAccounts.NEWCOMER);
    cached.changePassword(TestAccounts.NEWCOMER, "mot-mat-khau-moi-rat-dai".toCharArray());
    assertThat(cached.find(TestAccounts.NEWCOMER)).map(Account::mustChange).contains(false);
    assertThat(store.asked.get()).isEqualTo(before + 2);
  }
}
