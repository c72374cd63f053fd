/**
 * API and pages, maps: {@code geo import} checks GeoJSON boundaries against the served regions and
 * keeps them in {@code LAKE/geo/}, beside the snapshots (display configuration, never written into
 * a snapshot); {@code GET /api/geo/{level}} serves them.
 */
package vn.danvan.dashboard.geo;
