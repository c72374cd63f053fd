package vn.danvan.dashboard.access;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.danvan.contract.audit.Audit;
import vn.danvan.contract.audit.AuditEvent;

/** The tests' {@link Audit}: keeps every event in order, for the tests to assert. */
public final class RecordingAudit implements Audit {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  /** The events recorded so far, oldest first. */
  public List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
