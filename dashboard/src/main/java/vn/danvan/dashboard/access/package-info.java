/**
 * Who may see what: accounts with a role and a region scope, their passwords (Argon2id) and API
 * tokens in {@code LAKE/access/accounts.db}, beside the snapshots and outside every load
 * ({@link vn.danvan.dashboard.access.AccountStore}), and the {@code users} command that manages
 * them; the gate every request passes after the request hygiene
 * ({@link vn.danvan.dashboard.access.AuthGate}: session cookie or bearer token, the role each route
 * needs, CSRF), the in-memory sessions and login throttle, and the login endpoints. The
 * {@link vn.danvan.dashboard.access.Caller} it names carries the region scope the warehouse
 * enforces on every read.
 */
package vn.danvan.dashboard.access;
