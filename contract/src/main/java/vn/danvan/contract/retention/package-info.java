/**
 * Keeping a lake's disk in check: which snapshot holds which bytes alone and which it shares by
 * hard link ({@link vn.danvan.contract.retention.DiskUsage}), the leases readers hold on the
 * snapshots they serve ({@link vn.danvan.contract.retention.ReaderLease}), and the clean-up that
 * removes old snapshots but never CURRENT, the newest ones, a release's or one a reader holds
 * ({@link vn.danvan.contract.retention.Retention}).
 */
package vn.danvan.contract.retention;
