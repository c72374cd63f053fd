/**
 * The read side of releases: what differs between a frozen snapshot and a later one, figure by
 * figure (the errata list of {@code bin/danvan release diff}), read with DuckDB from both
 * snapshots' Parquet files. Releases themselves are kept by {@link vn.danvan.contract.release}.
 */
package vn.danvan.warehouse.release;
