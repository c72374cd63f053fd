/**
 * The annual review pack: one document of a year's figures for the nation or a province, read from
 * a frozen release ({@code /api/review}), shown by {@code /review.html} and printed from that page
 * by headless Chromium into a PDF, with the same content as a Word document and every table as CSV.
 */
package vn.danvan.dashboard.review;
