/**
 * Lake snapshot → marts, social media: the {@code post_stats} mart (a post's totals, its counts at
 * 1 h / 24 h / 7 d, the regions it counts in, CrowdTangle-style overperformance; docs/outreach.md).
 * Spark; depends on contract only, not on the loader.
 */
package vn.danvan.etl.outreach;
