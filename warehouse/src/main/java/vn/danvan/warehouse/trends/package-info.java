/**
 * Trend analytics over the time series of one indicator for one region: year-over-year change,
 * CAGR, a least-squares trend with its confidence interval, values per 10,000 inhabitants, target
 * attainment and league-table rankings of regions.
 *
 * <p>Pure functions over Java values returning immutable records, with no database and no I/O, so
 * the dashboard, notebooks' checks and tests all get the same numbers from the same code. Missing
 * data is an absent point or an empty optional, never a zero.
 */
package vn.danvan.warehouse.trends;
