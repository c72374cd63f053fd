/**
 * Releases in the dashboard: the {@code release} commands (freeze, list, show, verify, diff), the
 * per-request choice of the warehouse to read ({@code release=NAME} or current figures) and the
 * {@code /api/releases} routes. The releases themselves are kept by {@link vn.danvan.contract.release};
 * what differs between two snapshots is read by {@link vn.danvan.warehouse.release}.
 */
package vn.danvan.dashboard.release;
