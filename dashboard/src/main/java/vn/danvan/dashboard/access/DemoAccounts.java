package vn.danvan.dashboard.access;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import picocli.CommandLine.Command;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent;

/**
 * {@code users demo}: the two accounts of {@code bin/danvan demo}, an administrator of the whole
 * country and a viewer of Hà Nội, each (re)set with a fresh one-time password that is printed
 * once. No fixed demo password exists, so a demo left running on a network is not open to anyone
 * who has read the README.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Creates or resets the demo accounts 'admin' (admin, VN) and 'hanoi' (viewer, 01 Hà Nội), "
        + "each with a new one-time password printed once; their tokens are revoked.")
final class DemoAccounts extends UsersCommand.Action {
  /** One demo account. */
  record Demo(String login, Role role, String scope) {}

  static final List<Demo> ACCOUNTS = List.of(new Demo("admin", Role.ADMIN, "VN"),
      new Demo("hanoi", Role.VIEWER, "01"));

  private final SecureRandom random = new SecureRandom();

  @Override
  void run(Lake lake, AccountStore store, PrintWriter out, PrintWriter err) {
    String[] scopes = new String[ACCOUNTS.size()];
    char[][] passwords = new char[ACCOUNTS.size()][];
    try {
      for (int i = 0; i < ACCOUNTS.size(); i++) {
        Demo demo = ACCOUNTS.get(i);
        ScopeCheck.Checked checked = ScopeCheck.check(lake, demo.scope());
        if (checked.warning() != null) {
          err.println("users demo: warning: " + checked.warning());
        }
        scopes[i] = demo.scope() + (checked.name() != null ? " " + checked.name() : "");
        passwords[i] = Passwords.oneTime(random);
        // the store wipes what it is given: it gets a copy, the original is printed below
        store.reset(demo.login(), demo.role(), checked.scope(), passwords[i].clone(), true);
        audit(lake, AuditEvent.Action.ACCOUNT_ADD, demo.login());
      }
      int scopeWidth = "scope".length();
      for (String scope : scopes) {
        scopeWidth = Math.max(scopeWidth, scope.length());
      }
      out.println("Demo accounts (one-time passwords, shown only now; each must be changed at first login):");
      out.println("  login  role    " + UsersCommand.pad("scope", scopeWidth) + "  password");
      for (int i = 0; i < ACCOUNTS.size(); i++) {
        Demo demo = ACCOUNTS.get(i);
        out.print("  " + UsersCommand.pad(demo.login(), 5) + "  " + UsersCommand.pad(demo.role().code(), 6)
            + "  " + UsersCommand.pad(scopes[i], scopeWidth) + "  ");
        out.println(passwords[i]);
      }
    } finally {
      Passwords.wipe(passwords);
    }
  }
}
