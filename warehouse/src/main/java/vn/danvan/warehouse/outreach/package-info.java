/**
 * Warehouse queries over the {@code post_stats} mart: aggregates per period and breakdown, growth
 * curves, posts ranked by overperformance. Only official units' posts and aggregate counts exist
 * here. Never writes to the lake, never computes a post's totals itself (the mart does).
 */
package vn.danvan.warehouse.outreach;
