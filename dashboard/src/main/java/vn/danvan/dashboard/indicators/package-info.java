/**
 * API: {@code /api/indicators}, the indicator catalogue as the pages label figures with it (names,
 * units, computation).
 */
package vn.danvan.dashboard.indicators;
