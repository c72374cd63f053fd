/**
 * Lake snapshot → marts: builds {@code indicator_values} and {@code mart_regions} (both boundary
 * modes, "the nearest report wins", apportioning through the lineage) and calls the survey and
 * outreach marts, from the staged tables into the same staged snapshot (docs/marts.md). Spark;
 * reads only the staged snapshot, never the warehouse or DuckDB.
 */
package vn.danvan.etl.marts;
