/**
 * API: what keeps the server up under load and abuse, around the controllers: the share of the
 * warehouse's connections one client may hold ({@link vn.danvan.dashboard.limits.ClientShare}) and
 * the per-snapshot cache of answers ({@link vn.danvan.dashboard.limits.AnswerCache}). The cost of a
 * single read is bounded in the warehouse ({@code vn.danvan.warehouse.query.CostLimits}).
 */
package vn.danvan.dashboard.limits;
