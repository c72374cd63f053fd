-- account_select: one account.
-- Parameters: login.
-- Columns: login, role, scope, password_hash, must_change, disabled.
SELECT login, role, scope, password_hash, must_change, disabled
FROM accounts
WHERE login = ?
