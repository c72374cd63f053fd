package vn.danvan.dashboard.audit;

import vn.danvan.contract.Lake;

/** Where the audit trail of a lake is kept: the one way the server and the commands open it. */
public final class Audits {
  private Audits() {}

  /**
   * The lake's trail ({@code <lake>/audit/audit.jsonl}, outside every snapshot), rotated at 64 MiB.
   * The caller closes it; one per lake per process.
   */
  public static AuditLog forLake(Lake lake) {
    return AuditLog.open(lake.auditDir());
  }

  /** An audit that records nothing: for tests of what does not concern the trail. */
  public static Audit none() {
    return event -> {};
  }
}
