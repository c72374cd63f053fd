package vn.danvan.dashboard.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.Audits;

/**
 * {@code users add|passwd|disable|list|token|demo}: the accounts of the dashboard, run on the
 * server by whoever may read the lake. Passwords come only from standard input (never from the
 * command line, which other users of the machine can see). Exit 0 when done, 1 when refused (the
 * reason on standard error), 2 for a usage error. Each change is recorded in the audit trail.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.Disable.class,
        UsersCommand.ListAccounts.class, UsersCommand.Token.class, DemoAccounts.class},
    description = "The dashboard's accounts, in LAKE/access/accounts.db (docs/access.md). "
        + "See 'users add --help'.")
public final class UsersCommand implements Runnable {
  private static final int MAX_LINE = 1024;

  @Spec CommandSpec spec;

  private InputStream stdin = System.in;
  private Clock clock = Clock.systemUTC();
  private Function<Lake, Audit> audits = Audits::forLake;

  /** Reads passwords from {@code in} instead of the process's standard input (tests). */
  public UsersCommand withInput(InputStream in) {
    this.stdin = Objects.requireNonNull(in, "in");
    return this;
  }

  /** Records times from {@code clock} (tests). */
  public UsersCommand withClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Records changes through {@code audits} instead of the lake's audit trail (tests). */
  public UsersCommand withAudits(Function<Lake, Audit> audits) {
    this.audits = Objects.requireNonNull(audits, "audits");
    return this;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "missing command: add, passwd, disable, list, token or demo");
  }

  /** What every {@code users} sub-command shares: the lake, the store, refusals as exit 1, the audit. */
  abstract static class Action implements Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin LakeOption lake;

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lake at = Lake.at(lake.folder());
      try {
        run(at, AccountStore.open(at, users.clock), out, err);
        return 0;
      } catch (IllegalArgumentException e) {
        err.println("users " + spec.name() + ": " + e.getMessage());
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }

    abstract void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err);

    /** Records a change made from the command line to {@code login}'s account. */
    void audit(Lake lake, AuditEvent.Action action, String login) {
      Audit audit = users.audits.apply(lake);
      try {
        audit.record(new AuditEvent(users.clock.instant(), "os:" + System.getProperty("user.name"), null, null, "cli",
            action, login, "ok", null));
      } finally {
        if (audit instanceof AutoCloseable trail) {
          try {
            trail.close();
          } catch (Exception e) {
            throw new IllegalStateException("cannot close the audit trail of " + lake.root() + ": " + e, e);
          }
        }
      }
    }

    /** One line of standard input without its line end; refused when empty. */
    char[] passwordFromStdin() {
      return readLine(users.stdin);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds an account; the password is read from standard input (one line).")
  static final class Add extends Action {
    @Parameters(paramLabel = "LOGIN", description = "2 to 64 of a-z, 0-9, '.', '_', '-'")
    String login;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst, reporter or admin")
    String role;

    @Option(names = "--scope", required = true, paramLabel = "CODE",
        description = "what it may see: VN, a 2025 province (2 digits) or a 2025 commune (5 digits)")
    String scope;

    @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
    boolean passwordStdin;

    @Option(names = "--must-change", description = "a one-time password: to be changed at first login")
    boolean mustChange;

    @Override
    void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
      Role wanted = role(spec, role);
      AccountStore.requireLogin(login);
      ScopeCheck.Checked checked = ScopeCheck.check(lake, scope);
      if (checked.warning() != null) {
        err.println("users add: warning: " + checked.warning());
      }
      store.add(login, wanted, checked.scope(), passwordFromStdin(), mustChange);
      audit(lake, AuditEvent.Action.ACCOUNT_ADD, login);
      out.println("users add: " + login + " (" + wanted.code() + ", scope " + scope
          + (checked.name() != null ? " " + checked.name() : "") + ")" + (mustChange ? ", password to be changed at first login" : ""));
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = "Sets an account's password, read from standard input (one line).")
  static final class Passwd extends Action {
    @Parameters(paramLabel = "LOGIN") String login;

    @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
    boolean passwordStdin;

    @Option(names = "--must-change", description = "a one-time password: to be changed at first login")
    boolean mustChange;

    @Override
    void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
      store.setPassword(login, passwordFromStdin(), mustChange);
      audit(lake, AuditEvent.Action.ACCOUNT_PASSWD, login);
      out.println("users passwd: password of " + login + " set" + (mustChange ? ", to be changed at first login" : ""));
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disables an account: it can no longer log in, and its API tokens stop working.")
  static final class Disable extends Action {
    @Parameters(paramLabel = "LOGIN") String login;

    @Override
    void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
      store.disable(login);
      audit(lake, AuditEvent.Action.ACCOUNT_DISABLE, login);
      out.println("users disable: " + login + " disabled");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
  static final class ListAccounts extends Action {
    @Override
    void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
      List<AccountSummary> accounts = store.list();
      if (accounts.isEmpty()) {
        out.println("no accounts in " + store.file());
        return;
      }
      String[][] rows = new String[accounts.size() + 1][];
      rows[0] = new String[] {"LOGIN", "ROLE", "SCOPE", "STATUS", "TOKENS", "CREATED"};
      for (int i = 0; i < accounts.size(); i++) {
        AccountSummary a = accounts.get(i);
        rows[i + 1] = new String[] {a.login(), a.role().code(), a.scope().rootCode(),
            a.disabled() ? "disabled" : a.mustChange() ? "must-change" : "active",
            Integer.toString(a.tokens()), a.created().toString()};
      }
      int[] widths = new int[rows[0].length];
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
          line.append(c == 0 ? "" : "  ").append(c == row.length - 1 ? row[c] : pad(row[c], widths[c]));
        }
        out.println(line);
      }
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Makes a new API token for an account and prints it, on the last line, this once.")
  static final class Token extends Action {
    @Parameters(paramLabel = "LOGIN") String login;

    @Override
    void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
      String token = store.newToken(login);
      audit(lake, AuditEvent.Action.ACCOUNT_TOKEN, login);
      out.println("users token: a new API token for " + login + ", shown only now; it is sent as "
          + "'Authorization: Bearer TOKEN' and stops working when the account is disabled:");
      out.println(token);
    }
  }

  static Role role(CommandSpec spec, String code) {
    return Coded.find(code, Role.values()).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "--role must be one of " + String.join(", ", Coded.codes(Role.values())) + ", not '" + code + "'"));
  }

  static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  /** One line of {@code in} (UTF-8) without its line end, as characters that the caller wipes. */
  static char[] readLine(InputStream in) {
    char[] buffer = new char[MAX_LINE];
    int length = 0;
    try {
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
        if (length == buffer.length) {
          throw new IllegalArgumentException("password refused: the line on standard input is longer than "
              + MAX_LINE + " characters");
        }
        buffer[length++] = (char) c;
      }
      if (length > 0 && buffer[length - 1] == '\r') {
        length--;
      }
      if (length == 0) {
        throw new IllegalArgumentException("no password on standard input (an empty line)");
      }
      return Arrays.copyOf(buffer, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password from standard input: " + e.getMessage(), e);
    } finally {
      Passwords.wipe(buffer);
    }
  }
}
