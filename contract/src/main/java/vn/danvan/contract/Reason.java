package vn.danvan.contract;

/**
 * Why a landing row was quarantined: the name of the check it failed. These names are written to
 * the quarantine and the load report, and the demo generator plants rows that fail each of them.
 * A row failing several checks is quarantined under the first in this order.
 */
public enum Reason {
  /** The line could not be split into the table's columns (CSV field count, broken JSON). */
  MALFORMED_ROW,
  /** A required column is empty. */
  MISSING_VALUE,
  /** A value does not parse as its column's type (date, timestamp, integer, number, year). */
  BAD_TYPE,
  /** A value outside a closed vocabulary of the contract. */
  UNKNOWN_VOCABULARY,
  /** An indicator code that the shipped catalogue does not define. */
  UNKNOWN_INDICATOR,
  /** A date before 2000-01-01 or after the load date, or an end before its start. */
  DATE_OUT_OF_RANGE,
  /** A count, amount or value below zero. */
  NEGATIVE_VALUE,
  /** A survey weight that is zero or negative. */
  NON_POSITIVE_WEIGHT,
  /** A region code that no known unit ever had. */
  UNKNOWN_REGION,
  /** A region code that exists, but not on the record's date (e.g. an old code after 2025-07-01). */
  REGION_NOT_VALID_ON_DATE,
  /** A reference to a campaign, survey wave or question that is not known. */
  UNKNOWN_REFERENCE,
  /** A metric snapshot for a post that is neither in this load nor in the lake. */
  UNKNOWN_POST,
  /** The key was already used by an earlier row of the same load (the first row is kept). */
  DUPLICATE_ID;

  /** The name as written to the lake: lower snake case, e.g. {@code unknown_region}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
