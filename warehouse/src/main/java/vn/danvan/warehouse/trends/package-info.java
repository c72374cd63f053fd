/**
 * Warehouse analytics on query answers: year-over-year change, CAGR, a least-squares trend with its
 * confidence interval, values per 10,000 inhabitants, target attainment and league-table rankings
 * of regions, for one indicator's series. Pure functions over Java values returning immutable
 * records, so the API, notebooks' checks and tests get the same numbers; no DuckDB, no I/O. Missing
 * data is an absent point or an empty optional, never a zero.
 */
package vn.danvan.warehouse.trends;
