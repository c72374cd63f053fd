package vn.danvan.dashboard.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts as the server asks them on every request: who owns a token, and what a signed-in
 * login's account is now. Each answer is kept for {@code ttl} (ten seconds in {@code serve}), so
 * that a request does not open the accounts database; a change made by the server itself (a new
 * password) is seen at once, one made by {@code bin/danvan users} in another process (a disabled
 * account, a new role) within {@code ttl}. Signing in with a password always asks the store.
 */
public final class CachedAccounts implements Accounts {
  /** Entries past which the cache starts again empty: far more than the accounts of a province. */
  static final int MAX_ENTRIES = 10_000;

  private record Kept(Optional<Account> account, Instant until) {}

  private final Accounts store;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Kept> byToken = new ConcurrentHashMap<>();
  private final Map<String, Kept> byLogin = new ConcurrentHashMap<>();

  public CachedAccounts(Accounts store, Duration ttl, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Account> login(String login, char[] password) {
    Optional<Account> account = store.login(login, password);
    forget(login);
    return account;
  }

  @Override
  public Optional<Account> bearer(String token) {
    // keyed by the token's hash: the cache holds no token a heap dump could hand out
    return kept(byToken, Tokens.hash(token), () -> store.bearer(token));
  }

  @Override
  public Optional<Account> find(String login) {
    return kept(byLogin, login, () -> store.find(login));
  }

  @Override
  public void changePassword(String login, char[] newPassword) {
    try {
      store.changePassword(login, newPassword);
    } finally {
      forget(login);
    }
  }

  /** Drops what is kept of {@code login} and of every token (a token's owner is not known by login). */
  private void forget(String login) {
    if (login != null) {
      byLogin.remove(login);
      byToken.clear();
    }
  }

  private Optional<Account> kept(Map<String, Kept> map, String key,
      java.util.function.Supplier<Optional<Account>> ask) {
    Instant now = clock.instant();
    Kept k = map.get(key);
    if (k != null && now.isBefore(k.until())) {
      return k.account();
    }
    Optional<Account> account = ask.get();
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(key, new Kept(account, now.plus(ttl)));
    return account;
  }
}
