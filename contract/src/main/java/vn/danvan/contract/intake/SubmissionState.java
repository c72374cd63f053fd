package vn.danvan.contract.intake;

/** Where a submission stands; derived from the lake, never stored as such (see {@link Submissions}). */
public enum SubmissionState {
  /** Stored, not yet in a published snapshot: the next {@code danvan load --submissions} loads it. */
  PENDING,
  /** In a snapshot that is published (CURRENT or one of its ancestors). */
  LOADED,
  /** Refused whole by a load (e.g. a personal-data column): nothing of it was written; never loaded. */
  REFUSED;

  /** As written in JSON and shown: lower case, e.g. {@code pending}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
