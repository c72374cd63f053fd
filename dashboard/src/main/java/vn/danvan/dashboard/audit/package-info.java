/**
 * The audit trail as the server and the command line show it: {@code bin/danvan audit} and
 * {@code GET /api/audit} over the lake's trail ({@link vn.danvan.contract.audit.AuditTrail}).
 */
package vn.danvan.dashboard.audit;

