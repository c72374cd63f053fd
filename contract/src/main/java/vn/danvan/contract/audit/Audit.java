package vn.danvan.contract.audit;

/**
 * Where sensitive actions are recorded. {@link #record} returns only once the line is written to
 * the file (so an action acknowledged to its caller is never lost by a crash of the server).
 */
@FunctionalInterface
public interface Audit {
  void record(AuditEvent event);
}
