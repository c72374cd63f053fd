package vn.danvan.dashboard.audit;

import java.nio.file.Path;
import java.time.Instant;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.AuditLog;
import vn.danvan.contract.audit.AuditLines;
import vn.danvan.contract.audit.AuditEvent;

/** A small written trail for the reading tests: six lines over two files. */
final class AuditTrailFixture {
  private AuditTrailFixture() {}

  /** Writes the trail into {@code dir}, rotated after the third line. */
  static void write(Path dir) {
    long third = 0;
    AuditEvent[] events = {
        event("2026-12-01T09:00:00Z", "lan", Action.LOGIN, null, null),
        event("2026-12-01T09:05:00Z", "lan", Action.DOWNLOAD, "csv: Bảng A (/map.html)", 34L),
        event("2026-12-02T16:59:59.999Z", "minh", Action.LOGIN_FAILED, null, null),
        event("2026-12-02T17:00:00Z", "minh", Action.LOGIN, null, null), // 2026-12-03 00:00 in Vietnam
        event("2026-12-03T01:00:00Z", "minh", Action.DOWNLOAD, "xlsx: Bảng B (/trends.html)", 12L),
        event("2026-12-03T02:00:00Z", "lan", Action.DOWNLOAD, "csv: Bảng C", 5L)};
    for (AuditEvent e : events) {
      third = Math.max(third, AuditLines.format(e).length);
    }
    // each file takes three of the longest lines
    try (AuditLog log = AuditLog.open(dir, third * 3, false)) {
      for (AuditEvent e : events) {
        log.record(e);
      }
    }
  }

  private static AuditEvent event(String time, String login, Action action, String target, Long rows) {
    return new AuditEvent(Instant.parse(time), login, "analyst", "VN", "127.0.0.1", action, target,
        action == Action.LOGIN_FAILED ? "denied" : "ok", rows);
  }
}
