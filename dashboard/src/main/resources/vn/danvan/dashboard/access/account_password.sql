-- account_password: a new password hash.
-- Parameters: password_hash, must_change, changed, login.
UPDATE accounts SET password_hash = ?, must_change = ?, changed = ?
WHERE login = ?
