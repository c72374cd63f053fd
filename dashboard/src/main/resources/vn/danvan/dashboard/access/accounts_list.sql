-- accounts_list: every account with its number of API tokens, by login.
-- Columns: login, role, scope, disabled, must_change, tokens, created.
SELECT a.login, a.role, a.scope, a.disabled, a.must_change, count(t.token_hash) AS tokens, a.created
FROM accounts a
LEFT JOIN tokens t ON t.login = a.login
GROUP BY a.login
ORDER BY a.login
