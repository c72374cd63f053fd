/**
 * Releases: named, frozen snapshots for citation (the annual review). A release pins a snapshot
 * by a manifest of every file with its SHA-256; clean-ups never remove a pinned snapshot, and
 * {@link vn.danvan.contract.release.Releases#verify} proves that the files are still the ones
 * frozen.
 */
package vn.danvan.contract.release;
