/**
 * API: {@code /api/outreach/*} (aggregates, growth, posts ranked by overperformance) over the
 * warehouse's outreach queries; parameters checked here, figures computed in the mart.
 */
package vn.danvan.dashboard.outreach;
