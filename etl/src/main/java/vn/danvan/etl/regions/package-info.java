/**
 * Reference regions, before landing: converts the public admin-unit files (before/after 2025, the
 * merger lineage) into {@code regions}/{@code region_lineage} landing files, and ships the 63 → 34
 * province list and lineage that the marts, the generator and the external import use. No Spark.
 */
package vn.danvan.etl.regions;
