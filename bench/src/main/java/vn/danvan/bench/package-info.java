/**
 * Benchmarks (tools, not part of the product): {@code bin/danvan bench etl|marts|query|pages}, each
 * timing a step of the journey beside a peer in the same run (DuckDB's CSV → Parquet, a plain
 * scan-and-sum, PostgreSQL, an ECharts-only page). Nothing in etl, warehouse or dashboard may
 * depend on this module.
 */
package vn.danvan.bench;
