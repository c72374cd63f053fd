/**
 * Warehouse queries, the core: an in-process DuckDB over the snapshot {@code CURRENT} names, a view
 * per lake table, the marts copied into an in-memory serving database, SQL from {@code .sql}
 * resources with bound values, one snapshot per read. Read-only: it never writes to the lake. No
 * Spark, no Javalin.
 */
package vn.danvan.warehouse.query;
