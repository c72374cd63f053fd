package vn.danvan.dashboard.access;

import vn.danvan.contract.Coded;

/**
 * What an account may do, each role everything the one before it may and more: a viewer reads
 * pages and figures within its scope; an analyst also downloads and makes review packs; a reporter
 * also submits data for its scope; an admin also manages accounts, releases, imports and reads the
 * audit trail.
 */
public enum Role implements Coded {
  VIEWER("viewer"),
  ANALYST("analyst"),
  REPORTER("reporter"),
  ADMIN("admin");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether this role includes {@code needed} (roles are ordered, each including those before). */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }
}
