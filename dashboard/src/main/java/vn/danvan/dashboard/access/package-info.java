/**
 * Who may see what: the accounts the server authenticates against ({@link
 * vn.danvan.dashboard.access.Accounts}), the gate every request passes after the request hygiene
 * ({@link vn.danvan.dashboard.access.AuthGate}: session cookie or bearer token, the role each route
 * needs, CSRF), the in-memory sessions and login throttle, and the login endpoints. The
 * {@link vn.danvan.dashboard.access.Caller} it names carries the region scope the warehouse
 * enforces on every read.
 */
package vn.danvan.dashboard.access;
