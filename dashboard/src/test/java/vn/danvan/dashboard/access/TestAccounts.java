package vn.danvan.dashboard.access;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.danvan.warehouse.query.RegionScope;

/**
 * The tests' {@link Accounts}: in memory, passwords and tokens in plain text (the real store keeps
 * Argon2id hashes). {@link #standard()} holds one account of each kind the tests act as.
 */
public final class TestAccounts implements Accounts {
  /** A national admin with an API token: the default caller of the endpoint tests. */
  public static final String ADMIN = "admin";
  public static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
  /** A national viewer with a token: may read, not download. */
  public static final String VIEWER = "viewer";
  public static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef";
  /** An analyst of Hà Nội (01). */
  public static final String ANALYST = "analyst.hn";
  /** An admin whose account is disabled (its password and token still "right"). */
  public static final String DISABLED = "disabled";
  public static final String DISABLED_TOKEN = "disabled-token-0123456789abcdef";
  /** A viewer with a one-time password that must be changed first. */
  public static final String NEWCOMER = "newcomer";
  /** Every standard account's password. */
  public static final String PASSWORD = "mat-khau-rat-dai-1";

  private record Entry(Account account, String password, String token) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The standard accounts above. */
  public static TestAccounts standard() {
    return new TestAccounts()
        .add(new Account(ADMIN, Role.ADMIN, RegionScope.country(), false, false), PASSWORD, ADMIN_TOKEN)
        .add(new Account(VIEWER, Role.VIEWER, RegionScope.country(), false, false), PASSWORD, VIEWER_TOKEN)
        .add(new Account(ANALYST, Role.ANALYST, new RegionScope("01"), false, false), PASSWORD, null)
        .add(new Account(DISABLED, Role.ADMIN, RegionScope.country(), false, true), PASSWORD, DISABLED_TOKEN)
        .add(new Account(NEWCOMER, Role.VIEWER, RegionScope.country(), true, false), PASSWORD, null);
  }

  /** Adds (or replaces) an account; {@code token} null for none. */
  public TestAccounts add(Account account, String password, String token) {
    entries.put(account.login(), new Entry(account, Objects.requireNonNull(password, "password"), token));
    return this;
  }

  @Override
  public Optional<Account> login(String login, char[] password) {
    Entry e = entries.get(login);
    return e != null && !e.account().disabled() && e.password().equals(new String(password))
        ? Optional.of(e.account()) : Optional.empty();
  }

  @Override
  public Optional<Account> bearer(String token) {
    return entries.values().stream().filter(e -> token.equals(e.token()) && !e.account().disabled())
        .map(Entry::account).findFirst();
  }

  @Override
  public Optional<Account> find(String login) {
    return Optional.ofNullable(entries.get(login)).map(Entry::account);
  }

  /** As the real store: at least 12 characters; ends {@link Account#mustChange()}. */
  @Override
  public void changePassword(String login, char[] newPassword) {
    if (newPassword.length < 12) {
      throw new IllegalArgumentException("a password needs at least 12 characters, not " + newPassword.length);
    }
    entries.computeIfPresent(login, (k, e) -> {
      Account a = e.account();
      return new Entry(new Account(a.login(), a.role(), a.scope(), false, a.disabled()), new String(newPassword),
          e.token());
    });
  }
}
