package vn.danvan.dashboard.access;

import static vn.danvan.dashboard.access.AccountsDatabase.prepare;
import static vn.danvan.dashboard.access.AccountsDatabase.update;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.access.AccountsDatabase.Work;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SqlFile;

/**
 * The accounts and their API tokens, in an SQLite database at {@code LAKE/access/accounts.db}:
 * beside the snapshots, so that loads and clean-ups never touch it, and one file that a backup
 * copies whole.
 *
 * <p>Each change is one transaction ({@link AccountsDatabase}), so a crash never leaves half an
 * account; the {@code users} command and a running server share the file, neither holding a lock
 * longer than one statement or transaction. Passwords are hashed before the transaction begins.
 *
 * <p>Passwords are Argon2id (m = 19456 KiB, t = 2, p = 1, 16-byte salt, 32-byte hash: OWASP's
 * parameters, see {@link Passwords}); tokens are stored as their SHA-256 only (see {@link Tokens}).
 * Every {@code char[]} password handed to this class is wiped before the method returns.
 */
public final class AccountStore implements Accounts {
  /** The database's file name inside {@link Lake#accessDir()}. */
  public static final String FILE = "accounts.db";
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]{2,64}");
  private static final Pattern SCOPE = Pattern.compile("VN|\\d{2}|\\d{5}");
  private static final Duration TOKEN_USE_GRAIN = Duration.ofMinutes(1);

  private static final List<SqlFile> SCHEMA = List.of(sql("accounts_create"), sql("tokens_create"),
      sql("tokens_by_login_create"));
  private static final SqlFile SELECT = sql("account_select");
  private static final SqlFile INSERT = sql("account_insert");
  private static final SqlFile RESET = sql("account_reset");
  private static final SqlFile PASSWORD = sql("account_password");
  private static final SqlFile DISABLE = sql("account_disable");
  private static final SqlFile LIST = sql("accounts_list");
  private static final SqlFile TOKEN_INSERT = sql("token_insert");
  private static final SqlFile TOKEN_ACCOUNT = sql("token_account");
  private static final SqlFile TOKEN_USED = sql("token_used");
  private static final SqlFile TOKENS_REVOKE = sql("tokens_revoke");

  private final AccountsDatabase database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private AccountStore(AccountsDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The lake's accounts database, created (folder 0700, file 0600) on first use. */
  public static AccountStore open(Lake lake) {
    return open(lake, Clock.systemUTC());
  }

  /** As {@link #open(Lake)}, with {@code clock} for the times it records. */
  public static AccountStore open(Lake lake, Clock clock) {
    AccountsDatabase database = AccountsDatabase.open(Objects.requireNonNull(lake, "lake").accessDir().resolve(FILE),
        SCHEMA);
    return new AccountStore(database, Objects.requireNonNull(clock, "clock"));
  }

  /** The database file. */
  public Path file() {
    return database.file();
  }

  @Override
  public Optional<Account> login(String login, char[] password) {
    char[] normalized = Passwords.normalized(Objects.requireNonNull(password, "password"));
    try {
      String wanted = login == null ? "" : login.toLowerCase(Locale.ROOT);
      Optional<Stored> stored = LOGIN.matcher(wanted).matches() ? select(wanted) : Optional.empty();
      String hash = stored.filter(s -> !s.account().disabled()).map(Stored::passwordHash).orElse(null);
      // an unknown or disabled account is verified against the dummy hash: the same time, no answer
      return Passwords.verify(normalized, hash) ? stored.map(Stored::account) : Optional.empty();
    } finally {
      Passwords.wipe(normalized, password);
    }
  }

  @Override
  public Optional<Account> bearer(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = Tokens.hash(token);
    Optional<TokenOwner> owner = read(c -> {
      try (PreparedStatement s = prepare(c, TOKEN_ACCOUNT, hash); ResultSet row = s.executeQuery()) {
        if (!row.next() || row.getInt("disabled") == 1) {
          return Optional.<TokenOwner>empty();
        }
        return Optional.of(new TokenOwner(new Account(row.getString("login"), role(row.getString("role")),
            new RegionScope(row.getString("scope")), row.getInt("must_change") == 1, false),
            row.getString("last_used")));
      }
    });
    // the read is over (its lock released) before the write: a minute's grain keeps writes rare
    owner.ifPresent(o -> {
      Instant now = now();
      String cutOff = text(now.minus(TOKEN_USE_GRAIN));
      if (o.lastUsed() == null || o.lastUsed().compareTo(cutOff) < 0) {
        inTransaction(c -> update(c, TOKEN_USED, text(now), hash, cutOff));
      }
    });
    return owner.map(TokenOwner::account);
  }

  private record TokenOwner(Account account, String lastUsed) {}

  @Override
  public Optional<Account> find(String login) {
    String wanted = login == null ? "" : login.toLowerCase(Locale.ROOT);
    return LOGIN.matcher(wanted).matches() ? select(wanted).map(Stored::account) : Optional.empty();
  }

  /** Refused for a disabled account (it cannot have logged in). */
  @Override
  public void changePassword(String login, char[] newPassword) {
    try {
      String wanted = requireLogin(login);
      String hash = policyHash(wanted, newPassword);
      inTransaction(c -> {
        Account account = selectIn(c, wanted).orElseThrow(() -> noAccount(wanted)).account();
        if (account.disabled()) {
          throw new IllegalArgumentException("account '" + wanted + "' is disabled");
        }
        return update(c, PASSWORD, hash, 0, text(now()), wanted);
      });
    } finally {
      Passwords.wipe(newPassword);
    }
  }

  /**
   * Adds an enabled account.
   *
   * @throws IllegalArgumentException when the login is malformed or taken, the scope is not
   *     {@code VN}, a province or a commune, or the password breaks the policy
   */
  public void add(String login, Role role, RegionScope scope, char[] password, boolean mustChange) {
    try {
      NewAccount a = checked(login, role, scope, password);
      inTransaction(c -> {
        if (selectIn(c, a.login()).isPresent()) {
          throw new IllegalArgumentException("account '" + a.login() + "' exists already");
        }
        String now = text(now());
        return update(c, INSERT, a.login(), a.role(), a.scope(), a.hash(), mustChange ? 1 : 0, now, now);
      });
    } finally {
      Passwords.wipe(password);
    }
  }

  /**
   * Adds the account or, when it exists, gives it this role, scope and password, enables it again
   * and revokes its tokens: one transaction ({@code users demo}).
   */
  public void reset(String login, Role role, RegionScope scope, char[] password, boolean mustChange) {
    try {
      NewAccount a = checked(login, role, scope, password);
      inTransaction(c -> {
        String now = text(now());
        update(c, RESET, a.login(), a.role(), a.scope(), a.hash(), mustChange ? 1 : 0, now, now);
        return update(c, TOKENS_REVOKE, a.login());
      });
    } finally {
      Passwords.wipe(password);
    }
  }

  /** An account's values as they are written: checked, and the password hashed. */
  private record NewAccount(String login, String role, String scope, String hash) {}

  /**
   * @throws IllegalArgumentException when the login is malformed, the scope is not {@code VN}, a
   *     province or a commune, or the password breaks the policy
   */
  private NewAccount checked(String login, Role role, RegionScope scope, char[] password) {
    String wanted = requireLogin(login);
    String scopeCode = requireScope(scope);
    Objects.requireNonNull(role, "role");
    return new NewAccount(wanted, role.code(), scopeCode, policyHash(wanted, password));
  }

  /** An administrator sets the password (with {@code mustChange}: a one-time password). */
  public void setPassword(String login, char[] password, boolean mustChange) {
    try {
      String wanted = requireLogin(login);
      String hash = policyHash(wanted, password);
      inTransaction(c -> {
        selectIn(c, wanted).orElseThrow(() -> noAccount(wanted));
        return update(c, PASSWORD, hash, mustChange ? 1 : 0, text(now()), wanted);
      });
    } finally {
      Passwords.wipe(password);
    }
  }

  /** The account may no longer log in, nor use its tokens; disabling twice is not an error. */
  public void disable(String login) {
    String wanted = requireLogin(login);
    inTransaction(c -> {
      selectIn(c, wanted).orElseThrow(() -> noAccount(wanted));
      return update(c, DISABLE, text(now()), wanted);
    });
  }

  /** A new API token for an enabled account; its text is returned this once and never stored. */
  public String newToken(String login) {
    String wanted = requireLogin(login);
    String token = Tokens.generate(random);
    inTransaction(c -> {
      if (selectIn(c, wanted).orElseThrow(() -> noAccount(wanted)).account().disabled()) {
        throw new IllegalArgumentException("account '" + wanted + "' is disabled");
      }
      return update(c, TOKEN_INSERT, Tokens.hash(token), wanted, text(now()));
    });
    return token;
  }

  /** Every account, by login. */
  public List<AccountSummary> list() {
    return read(c -> {
      List<AccountSummary> all = new ArrayList<>();
      try (PreparedStatement s = prepare(c, LIST); ResultSet row = s.executeQuery()) {
        while (row.next()) {
          all.add(new AccountSummary(row.getString("login"), role(row.getString("role")),
              new RegionScope(row.getString("scope")), row.getInt("disabled") == 1,
              row.getInt("must_change") == 1, row.getInt("tokens"), Instant.parse(row.getString("created"))));
        }
      }
      return List.copyOf(all);
    });
  }

  /** {@code login} if it is a well-formed login ({@code [a-z0-9._-]{2,64}}). */
  public static String requireLogin(String login) {
    if (login == null || !LOGIN.matcher(login).matches()) {
      throw new IllegalArgumentException("login refused: '" + login + "' is not 2 to 64 of a-z, 0-9, '.', '_', '-'");
    }
    return login;
  }

  /** The scope's code if it is {@code VN}, a province (2 digits) or a commune (5 digits). */
  static String requireScope(RegionScope scope) {
    String code = Objects.requireNonNull(scope, "scope").rootCode();
    if (!SCOPE.matcher(code).matches()) {
      throw new IllegalArgumentException("scope refused: '" + code + "' is not VN, a 2025 province (2 digits)"
          + " or a 2025 commune (5 digits); districts ceased on 2025-07-01");
    }
    return code;
  }

  /** The role whose code this is. */
  public static Role role(String code) {
    return Coded.find(code, Role.values()).orElseThrow(() -> new IllegalArgumentException(
        "role refused: '" + code + "' is not one of " + String.join("|", Coded.codes(Role.values()))));
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  <T> T inTransaction(Work<T> work) {
    return database.inTransaction(work);
  }

  private <T> T read(Work<T> work) {
    return database.read(work);
  }

  private record Stored(Account account, String passwordHash) {}

  private Optional<Stored> select(String login) {
    return read(c -> selectIn(c, login));
  }

  private static Optional<Stored> selectIn(Connection c, String login) throws SQLException {
    try (PreparedStatement s = prepare(c, SELECT, login); ResultSet row = s.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(new Stored(new Account(row.getString("login"), role(row.getString("role")),
          new RegionScope(row.getString("scope")), row.getInt("must_change") == 1,
          row.getInt("disabled") == 1), row.getString("password_hash")));
    }
  }

  private static String policyHash(String login, char[] password) {
    char[] normalized = Passwords.normalized(Objects.requireNonNull(password, "password"));
    try {
      Passwords.checkPolicy(login, normalized);
      return Passwords.hash(normalized);
    } finally {
      Passwords.wipe(normalized, password);
    }
  }

  private static IllegalArgumentException noAccount(String login) {
    return new IllegalArgumentException("no account '" + login + "'");
  }

  private Instant now() {
    return clock.instant();
  }

  /** Times as stored: UTC ISO-8601 to the second, so that text order is time order. */
  private static String text(Instant time) {
    return time.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static SqlFile sql(String name) {
    return SqlFile.load(AccountStore.class, name);
  }
}
