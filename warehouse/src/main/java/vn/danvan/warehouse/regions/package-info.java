/**
 * Warehouse queries over {@code mart_regions}: the region tree of each boundary mode, for pickers,
 * drill-down (province, district, commune) and breadcrumbs. Read-only.
 */
package vn.danvan.warehouse.regions;
