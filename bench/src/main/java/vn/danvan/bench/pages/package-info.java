/**
 * Benchmark of the pages: time to first chart painted in headless Chromium for Overview and Trends
 * beside an ECharts-only floor page, console errors of every page, screenshots.
 */
package vn.danvan.bench.pages;
