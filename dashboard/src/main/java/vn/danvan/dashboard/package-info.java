/**
 * API and pages: the Javalin server ({@code bin/danvan serve}) that declares every route in one
 * place ({@link vn.danvan.dashboard.DashboardApp}), maps errors to JSON, follows newly published
 * snapshots, and serves the static pages ({@code resources/public}). Reads only through the
 * warehouse; must not depend on Spark or the etl module (their Jackson/Netty would clash).
 */
package vn.danvan.dashboard;
