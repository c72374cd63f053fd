package vn.danvan.dashboard.access;

import java.util.Objects;
import vn.danvan.warehouse.query.RegionScope;

/**
 * Who is asking: the account a request was authenticated as, with its role and region scope, and
 * the client's address (for the audit trail and throttling).
 *
 * @param login the account's login
 * @param role what the account may do
 * @param scope the part of the country it may see ({@code VN}, a 2025 province or a 2025 commune)
 * @param address the client's IP address as the server saw it
 */
public record Caller(String login, Role role, RegionScope scope, String address) {
  public Caller {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(address, "address");
  }

  /** Whether the caller's role includes {@code needed}. */
  public boolean may(Role needed) {
    return role.includes(needed);
  }
}
