/**
 * Warehouse queries over the indicator marts: series, maps, rankings, target attainment and report
 * consistency (breakdowns that do not add up to their totals), as immutable answer records. SQL in
 * {@code .sql} files beside the class; identifiers only from allow-lists. Never writes to the lake;
 * no Javalin.
 */
package vn.danvan.warehouse.indicators;
