package vn.danvan.dashboard.access;

import java.util.Objects;
import vn.danvan.warehouse.query.RegionScope;

/**
 * An account as the server sees it once authenticated (never its password or token hashes).
 *
 * @param login the account's login
 * @param role what it may do
 * @param scope the part of the country it may see
 * @param mustChange true while its password is a one-time password that must be changed before
 *     anything else is allowed
 * @param disabled true when it may no longer log in or use its tokens
 */
public record Account(String login, Role role, RegionScope scope, boolean mustChange, boolean disabled) {
  public Account {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(scope, "scope");
  }
}
