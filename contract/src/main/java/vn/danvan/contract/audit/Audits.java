package vn.danvan.contract.audit;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import vn.danvan.contract.Lake;

/** Where the audit trail of a lake is kept: the one way the server and the commands open it. */
public final class Audits {
  /** Environment variable: the size in MiB past which the trail's file is rotated (default 64). */
  public static final String MAX_MB_ENV = "DANVAN_AUDIT_MAX_MB";
  /** Environment variable: {@code true} forces every line to the disk before it is acknowledged. */
  public static final String SYNC_ENV = "DANVAN_AUDIT_SYNC";

  private Audits() {}

  /**
   * The lake's trail ({@code <lake>/audit/audit.jsonl}, outside every snapshot), rotated at 64 MiB
   * unless {@value #MAX_MB_ENV} says otherwise, forced to disk per line when {@value #SYNC_ENV} is
   * {@code true}. The caller closes it; one per lake per process (pass it down, do not open another).
   */
  public static AuditLog forLake(Lake lake) {
    return forLake(lake, System.getenv());
  }

  /** As {@link #forLake(Lake)}, with {@code env} standing for the environment. */
  public static AuditLog forLake(Lake lake, Map<String, String> env) {
    String mb = env.getOrDefault(MAX_MB_ENV, "").strip();
    long maxBytes = AuditLog.DEFAULT_MAX_BYTES;
    if (!mb.isEmpty()) {
      if (!mb.matches("\\d{1,6}") || Long.parseLong(mb) < 1) {
        throw new IllegalArgumentException("$" + MAX_MB_ENV + ": a size in MiB (1 or more), not '" + mb + "'");
      }
      maxBytes = Long.parseLong(mb) << 20;
    }
    String sync = env.getOrDefault(SYNC_ENV, "false").strip();
    if (!sync.equals("true") && !sync.equals("false") && !sync.isEmpty()) {
      throw new IllegalArgumentException("$" + SYNC_ENV + ": true or false, not '" + sync + "'");
    }
    return AuditLog.open(lake.auditDir(), maxBytes, sync.equals("true"));
  }

  /**
   * Records in the lake's trail what a command run on the server did (address {@code cli}, the
   * operating-system user as login): loads and imports, account changes. The command's work is
   * done by then, so a trail that cannot be written is said on {@code err}, not thrown.
   */
  public static void command(Lake lake, AuditEvent.Action action, String target, String outcome, Long rows,
      PrintWriter err) {
    try (AuditLog log = forLake(lake)) {
      log.record(new AuditEvent(Instant.now(), "os:" + System.getProperty("user.name"), null, null, "cli", action,
          target, outcome, rows));
    } catch (RuntimeException e) {
      err.println("warning: the audit trail in " + lake.auditDir() + " could not record " + action.code() + ": " + e);
      err.flush();
    }
  }

  /** An audit that records nothing: for tests of what does not concern the trail. */
  public static Audit none() {
    return event -> {};
  }
}
