package vn.danvan.dashboard.access;

import java.util.Optional;

/**
 * The accounts the server authenticates against. Unknown logins, wrong passwords and disabled
 * accounts are all the same empty answer, and take about the same time.
 */
public interface Accounts {
  /** The account whose login and password these are, if it is enabled. */
  Optional<Account> login(String login, char[] password);

  /** The enabled account that owns this API token ({@code Authorization: Bearer ...}). */
  Optional<Account> bearer(String token);

  /** The account with this login, enabled or not. */
  Optional<Account> find(String login);

  /**
   * Sets a new password chosen by the account's owner, which ends a one-time password's
   * {@link Account#mustChange()}.
   *
   * @throws IllegalArgumentException when the password breaks the policy (the message says why)
   */
  void changePassword(String login, char[] newPassword);
}
