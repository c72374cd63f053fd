/**
 * Who may see what: accounts with a role and a region scope, their passwords (Argon2id) and API
 * tokens in {@code LAKE/access/accounts.db}, beside the snapshots and outside every load
 * ({@link vn.danvan.dashboard.access.AccountStore}), and the {@code users} command that manages
 * them. The server authenticates requests against {@link vn.danvan.dashboard.access.Accounts}.
 */
package vn.danvan.dashboard.access;
