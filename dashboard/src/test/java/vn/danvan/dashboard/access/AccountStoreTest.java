package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.RegionScope;

class AccountStoreTest {
  private static final String PASSWORD = "correct horse battery";
  private static final RegionScope HANOI = new RegionScope("01");

  @TempDir Path tmp;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));

  private AccountStore store() {
    return AccountStore.open(Lake.at(tmp.resolve("lake")), clock);
  }

  private static char[] pw(String text) {
    return text.toCharArray();
  }

  @Test
  void logs_in_with_the_right_password_only() {
    AccountStore store = store();
    store.add("alice", Role.ANALYST, HANOI, pw(PASSWORD), false);

    assertThat(store.login("alice", pw(PASSWORD)))
        .contains(new Account("alice", Role.ANALYST, HANOI, false, false));
    assertThat(store.login("Alice", pw(PASSWORD))).map(Account::login).contains("alice");
    assertThat(store.login("alice", pw(PASSWORD + "!"))).isEmpty();
    assertThat(store.login("mallory", pw(PASSWORD))).isEmpty();
    assertThat(store.find("alice")).map(Account::role).contains(Role.ANALYST);
    assertThat(store.find("mallory")).isEmpty();
  }

  @Test
  void a_disabled_account_can_neither_log_in_nor_use_its_tokens() {
    AccountStore store = store();
    store.add("alice", Role.VIEWER, HANOI, pw(PASSWORD), false);
    String token = store.newToken("alice");
    assertThat(token).matches("dvt_[A-Za-z0-9_-]{43}");
    assertThat(store.bearer(token)).map(Account::login).contains("alice");
    char[] other = token.toCharArray();
    other[10] = other[10] == 'A' ? 'B' : 'A';
    assertThat(store.bearer(new String(other))).isEmpty();
    assertThat(store.bearer("dvt_short")).isEmpty();

    store.disable("alice");

    assertThat(store.login("alice", pw(PASSWORD))).isEmpty();
    assertThat(store.bearer(token)).isEmpty();
    assertThat(store.find("alice")).map(Account::disabled).contains(true);
    assertThatThrownBy(() -> store.newToken("alice")).hasMessageContaining("'alice' is disabled");
  }

  @Test
  void the_database_holds_an_argon2id_hash_and_the_token_hash_never_the_clear_text() throws Exception {
    AccountStore store = store();
    store.add("alice", Role.ADMIN, RegionScope.country(), pw(PASSWORD), true);
    String token = store.newToken("alice");

    byte[] bytes = Files.readAllBytes(store.file());
    String content = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(content).doesNotContain(PASSWORD).doesNotContain(token)
        .doesNotContain(token.substring(Tokens.PREFIX.length()))
        .contains(Tokens.hash(token));
    assertThat(Tokens.hash(token)).matches("[0-9a-f]{64}");
    assertThat(column(store, "SELECT password_hash FROM accounts WHERE login = 'alice'")).singleElement()
        .asString().matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(column(store, "SELECT token_hash FROM tokens")).containsExactly(Tokens.hash(token));
  }

  @Test
  void the_database_is_private_to_its_owner() throws Exception {
    AccountStore store = store();
    assertThat(store.file()).isEqualTo(tmp.resolve("lake").resolve("access").resolve("accounts.db"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void a_token_use_is_recorded_at_most_once_a_minute() throws Exception {
    AccountStore store = store();
    store.add("alice", Role.VIEWER, HANOI, pw(PASSWORD), false);
    String token = store.newToken("alice");
    String lastUsed = "SELECT last_used FROM tokens";
    assertThat(column(store, lastUsed)).containsExactly((String) null);

    store.bearer(token);
    assertThat(column(store, lastUsed)).containsExactly("2026-12-03T08:00:00Z");
    clock.advance(Duration.ofSeconds(59));
    store.bearer(token);
    assertThat(column(store, lastUsed)).containsExactly("2026-12-03T08:00:00Z");
    clock.advance(Duration.ofSeconds(2));
    store.bearer(token);
    assertThat(column(store, lastUsed)).containsExactly("2026-12-03T08:01:01Z");
  }

  @Test
  void the_policy_refuses_short_long_and_login_passwords_without_storing_anything() {
    AccountStore store = store();
    assertThatThrownBy(() -> store.add("alice", Role.VIEWER, HANOI, pw("elevenchars"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password refused: it has 11 characters, at least 12 are needed (a few unrelated words make a good one)");
    assertThatThrownBy(() -> store.add("alice", Role.VIEWER, HANOI, pw("x".repeat(129)), false))
        .hasMessageContaining("it has 129 characters, at most 128");
    assertThatThrownBy(() -> store.add("administrator", Role.VIEWER, HANOI, pw("Administrator"), false))
        .hasMessage("password refused: it is the login itself");
    assertThatThrownBy(() -> store.add("Alice", Role.VIEWER, HANOI, pw(PASSWORD), false))
        .hasMessageContaining("login refused: 'Alice'");
    assertThatThrownBy(() -> store.add("alice", Role.VIEWER, new RegionScope("001"), pw(PASSWORD), false))
        .hasMessageContaining("scope refused: '001'");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void a_vietnamese_password_matches_however_its_accents_were_composed() {
    AccountStore store = store();
    String composed = "mật khẩu đẹp";
    assertThat(composed.codePointCount(0, composed.length())).isEqualTo(12);
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(composed);

    store.add("lan", Role.VIEWER, HANOI, pw(decomposed), false);
    assertThat(store.login("lan", pw(composed))).isPresent();
  }

  @Test
  void passwords_handed_over_are_wiped() {
    AccountStore store = store();
    char[] password = pw(PASSWORD);
    store.add("alice", Role.VIEWER, HANOI, password, false);
    assertThat(new String(password)).isEqualTo("\0".repeat(PASSWORD.length()));
    char[] refused = pw("short");
    assertThatThrownBy(() -> store.setPassword("alice", refused, false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new String(refused)).isEqualTo("\0".repeat(5));
  }

  @Test
  void a_refused_change_leaves_the_tables_as_they_were() throws Exception {
    AccountStore store = store();
    store.add("alice", Role.ANALYST, HANOI, pw(PASSWORD), false);
    List<AccountSummary> before = store.list();

    assertThatThrownBy(() -> store.add("alice", Role.ADMIN, RegionScope.country(), pw("another good password"), false))
        .hasMessage("account 'alice' exists already");
    assertThat(store.list()).isEqualTo(before);

    // a transaction that fails after its first statement: the statement is rolled back too
    assertThatThrownBy(() -> store.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE accounts SET role = 'admin' WHERE login = 'alice'")) {
        s.executeUpdate();
      }
      throw new IllegalStateException("crash in the middle");
    })).hasMessage("crash in the middle");
    assertThat(store.list()).isEqualTo(before);
    assertThat(store.list()).extracting(AccountSummary::role).containsExactly(Role.ANALYST);
  }

  @Test
  void one_time_passwords_are_changed_by_their_owner_and_reset_revokes_tokens() {
    AccountStore store = store();
    store.reset("hanoi", Role.VIEWER, HANOI, pw(PASSWORD), true);
    String token = store.newToken("hanoi");
    assertThat(store.find("hanoi")).map(Account::mustChange).contains(true);

    store.changePassword("hanoi", pw("my own pass phrase"));
    assertThat(store.find("hanoi")).map(Account::mustChange).contains(false);
    assertThat(store.bearer(token)).isPresent();

    store.reset("hanoi", Role.ANALYST, RegionScope.country(), pw("a reset pass phrase"), true);
    assertThat(store.bearer(token)).isEmpty();
    assertThat(store.list()).singleElement().satisfies(a -> {
      assertThat(a.role()).isEqualTo(Role.ANALYST);
      assertThat(a.scope()).isEqualTo(RegionScope.country());
      assertThat(a.mustChange()).isTrue();
      assertThat(a.tokens()).isZero();
      assertThat(a.created()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    });
    assertThatThrownBy(() -> store.changePassword("nobody", pw("my own pass phrase")))
        .hasMessage("no account 'nobody'");
  }

  private static List<String> column(AccountStore store, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    }
    return values;
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
