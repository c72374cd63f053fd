/**
 * The data contract, shared by every step of the journey: the landing tables and their columns
 * ({@link vn.danvan.contract.Table}), the lake's layout and tables ({@link
 * vn.danvan.contract.Lake}, {@link vn.danvan.contract.LakeTable}), grains, levels, boundary modes
 * with the 2025 reform date, post ages, quarantine reasons and the load report: what the ETL writes
 * and the warehouse reads, said once. It is on the classpath of both sides, so it must depend on no
 * engine: no Spark, no DuckDB, no Javalin (Jackson only, for the load report's JSON).
 */
package vn.danvan.contract;
