/**
 * The checks of landing rows, the step between reading a landing file and writing the lake: which
 * headers are accepted ({@link vn.danvan.contract.checks.HeaderCheck}), how text becomes values
 * ({@link vn.danvan.contract.checks.LandingText}, {@link vn.danvan.contract.checks.Parsers}) and
 * the one list of checks a row can fail on its own ({@link vn.danvan.contract.checks.RowRules}).
 * The Spark load turns the list into column conditions; {@link vn.danvan.contract.checks.RowCheck}
 * applies it to a single row, so a file checked before upload meets exactly the load's checks.
 */
package vn.danvan.contract.checks;
