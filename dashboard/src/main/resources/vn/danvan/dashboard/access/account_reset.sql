-- account_reset: creates the account, or gives an existing one this role, scope and password and
-- enables it again (the demo accounts).
-- Parameters: login, role, scope, password_hash, must_change, created, changed.
INSERT INTO accounts (login, role, scope, password_hash, must_change, disabled, created, changed)
VALUES (?, ?, ?, ?, ?, 0, ?, ?)
ON CONFLICT (login) DO UPDATE SET role = excluded.role, scope = excluded.scope,
  password_hash = excluded.password_hash, must_change = excluded.must_change, disabled = 0,
  changed = excluded.changed
