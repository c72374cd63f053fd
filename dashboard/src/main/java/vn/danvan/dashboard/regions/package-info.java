/**
 * API: {@code /api/regions} and {@code /api/regions/{code}}, the region tree of a boundary mode for
 * pickers, drill-down and breadcrumbs.
 */
package vn.danvan.dashboard.regions;
