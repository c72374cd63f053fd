package vn.danvan.bench.load;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.danvan.dashboard.access.AccountStore;
import vn.danvan.dashboard.access.Role;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.warehouse.query.RegionScope;

/**
 * The bench's own accounts in the lake's store, one per virtual user ({@value #PREFIX}01, ...),
 * each a viewer with a random password nobody is told and a fresh API token held only in memory,
 * so that the load passes the server's real gate, scopes and per-account shares. {@link #close}
 * disables every one of them: a bench leaves no usable credentials in a lake. Each change is
 * recorded in the lake's audit trail as the {@code users} command records its own.
 *
 * <p>Logins beginning {@value #PREFIX} are the bench's: an existing one is reset (enabled again,
 * its old tokens revoked), so that a bench can run again over the same lake.
 */
final class LoadAccounts implements AutoCloseable {
  static final String PREFIX = "bench-load-";
  /** The share of the users who see the whole country; the others see one province each. */
  static final double NATIONAL_SHARE = 0.6;
  /** The most provinces the province users are spread over. */
  static final int MAX_PROVINCES = 4;

  /** One virtual user's account. */
  record User(String login, String scope, String token) {
    User {
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return login + " (" + scope + ")"; // never the token
    }
  }

  private final AccountStore store;
  private final Audit audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final List<User> users = Collections.synchronizedList(new ArrayList<>());
  private boolean closed;

  LoadAccounts(AccountStore store, Audit audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How many of {@code users} see the whole country: about 60 %, at least one. */
  static int nationalUsers(int users) {
    return Math.max(1, (int) Math.round(users * NATIONAL_SHARE));
  }

  /**
   * The provinces the other users see: up to {@value #MAX_PROVINCES} of {@code provinces} (no more
   * than there are such users), spread evenly over the list.
   */
  static List<String> spread(List<String> provinces, int provinceUsers) {
    int n = Math.min(MAX_PROVINCES, Math.min(provinces.size(), Math.max(provinceUsers, 0)));
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chosen.add(provinces.get(i * provinces.size() / n));
    }
    return List.copyOf(chosen);
  }

  /** Adds (or resets) the account of user {@code index} (0-based), a viewer of {@code scope}. */
  User add(int index, String scope) {
    String login = String.format(Locale.ROOT, "%s%02d", PREFIX, index + 1);
    char[] password = password();
    store.reset(login, Role.VIEWER, new RegionScope(scope), password, false);
    record(AuditEvent.Action.ACCOUNT_ADD, login);
    User user = new User(login, scope, store.newToken(login));
    users.add(user);
    record(AuditEvent.Action.ACCOUNT_TOKEN, login);
    return user;
  }

  /** The accounts added so far, user 0 first. */
  List<User> users() {
    synchronized (users) {
      return List.copyOf(users);
    }
  }

  /** Disables every account added (their tokens then open nothing); a second call does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (User user : users()) {
      store.disable(user.login());
      record(AuditEvent.Action.ACCOUNT_DISABLE, user.login());
    }
  }

  private void record(AuditEvent.Action action, String login) {
    audit.record(new AuditEvent(clock.instant(), null, null, null, "cli", action, login, "ok", null));
  }

  /** 24 random characters, never shown: the accounts are only ever used through their tokens. */
  private char[] password() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes).toCharArray();
  }
}
