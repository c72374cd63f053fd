-- account_disable: the account may no longer log in or use its tokens.
-- Parameters: changed, login.
UPDATE accounts SET disabled = 1, changed = ?
WHERE login = ?
