package vn.danvan.dashboard.access;

import java.time.Instant;
import java.util.Objects;
import vn.danvan.warehouse.query.RegionScope;

/**
 * One line of {@code users list}: an account as an administrator reviews it.
 *
 * @param login the account's login
 * @param role what it may do
 * @param scope the part of the country it may see
 * @param disabled true when it may no longer log in or use its tokens
 * @param mustChange true while its password is a one-time password
 * @param tokens how many API tokens it holds
 * @param created when it was added
 */
public record AccountSummary(String login, Role role, RegionScope scope, boolean disabled,
    boolean mustChange, int tokens, Instant created) {
  public AccountSummary {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(created, "created");
  }
}
