package vn.danvan.dashboard.review;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.Accounts;
import vn.danvan.dashboard.access.Role;
import vn.danvan.warehouse.query.RegionScope;

/**
 * The one account of the pack's own in-process server: the caller the pack is made for (its scope,
 * an analyst's role), reachable only with a random bearer token that lives as long as the build.
 * It cannot sign in with a password, so the page is the scope's page and nothing more.
 */
final class PackCaller implements Accounts {
  private final Account account;
  private final String token;

  PackCaller(String login, RegionScope scope) {
    this.account = new Account(Objects.requireNonNull(login, "login"), Role.ANALYST, scope, false, false);
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
  }

  String token() {
    return token;
  }

  @Override
  public Optional<Account> login(String login, char[] password) {
    return Optional.empty();
  }

  @Override
  public Optional<Account> bearer(String candidate) {
    return java.security.MessageDigest.isEqual(candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        token.getBytes(java.nio.charset.StandardCharsets.UTF_8)) ? Optional.of(account) : Optional.empty();
  }

  @Override
  public Optional<Account> find(String login) {
    return login.equals(account.login()) ? Optional.of(account) : Optional.empty();
  }

  @Override
  public void changePassword(String login, char[] newPassword) {
    throw new IllegalArgumentException("the review pack's account has no password");
  }
}
