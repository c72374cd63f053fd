/**
 * Access, the audit trail: who did what, from where, and how it ended, appended to JSON Lines in
 * the lake's {@code audit/} folder ({@link vn.danvan.dashboard.audit.AuditLog}), read back by
 * {@code bin/danvan audit} and {@code GET /api/audit} ({@link vn.danvan.dashboard.audit.AuditTrail}).
 */
package vn.danvan.dashboard.audit;
