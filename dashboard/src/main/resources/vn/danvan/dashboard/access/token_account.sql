-- token_account: the account owning a token, with the token's last use.
-- Parameters: token_hash.
-- Columns: login, role, scope, must_change, disabled, last_used.
SELECT a.login, a.role, a.scope, a.must_change, a.disabled, t.last_used
FROM tokens t
JOIN accounts a ON a.login = t.login
WHERE t.token_hash = ?
