/**
 * API: the OpenAPI 3.1 document of the JSON API, built from the same route values the app
 * registers, so the description cannot drift from the routes.
 */
package vn.danvan.dashboard.openapi;
