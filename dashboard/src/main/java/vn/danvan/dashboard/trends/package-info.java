/**
 * API: {@code /api/series}, {@code /api/map}, {@code /api/ranking}, {@code /api/attainment} and
 * {@code /api/consistency} over the indicator marts; request parameters checked and named in every
 * 400.
 */
package vn.danvan.dashboard.trends;
