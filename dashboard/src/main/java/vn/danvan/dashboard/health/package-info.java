/**
 * API: {@code /health}, whether data is served, from which snapshot, and the row count of each of
 * its tables.
 */
package vn.danvan.dashboard.health;
