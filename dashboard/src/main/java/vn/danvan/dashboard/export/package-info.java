/**
 * API and pages, downloads: {@code POST /api/export/xlsx} turns the table a page shows into a
 * workbook. Works on the page's table only: no warehouse query, no lake access.
 */
package vn.danvan.dashboard.export;
