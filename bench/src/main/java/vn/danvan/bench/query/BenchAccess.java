package vn.danvan.bench.query;

import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.TestAccounts;

/**
 * Whom the benchmarks sign in as: the page tests' in-memory national admin (the dashboard's
 * test-jar), so that a measurement needs no account store in the lake and writes no audit trail,
 * yet every request passes the real access gate as a user's would.
 */
public final class BenchAccess {
  public static final String LOGIN = TestAccounts.ADMIN;
  public static final String PASSWORD = TestAccounts.PASSWORD;
  /** The admin's API token, for the HTTP side of {@code bench query}. */
  public static final String TOKEN = TestAccounts.ADMIN_TOKEN;

  private BenchAccess() {}

  /** The accounts of the dashboard tests; nothing audited. */
  public static AccessControl control() {
    return AccessControl.of(TestAccounts.standard(), event -> { });
  }
}
