/**
 * Landing files → checks → staged lake snapshot: finds and refuses input (personal-data columns,
 * bad headers), reads CSV/JSON Lines/XLSX as text, types and checks every row (checks as data,
 * {@link vn.danvan.etl.load.Check}), quarantines the failures with their reason, merges with the
 * previous snapshot, then runs the marts and publishes. Spark; it never reads through the
 * warehouse.
 */
package vn.danvan.etl.load;
