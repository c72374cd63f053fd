-- account_insert: a new, enabled account.
-- Parameters: login, role, scope, password_hash, must_change, created, changed.
INSERT INTO accounts (login, role, scope, password_hash, must_change, disabled, created, changed)
VALUES (?, ?, ?, ?, ?, 0, ?, ?)
