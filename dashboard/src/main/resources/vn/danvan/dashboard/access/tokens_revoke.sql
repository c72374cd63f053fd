-- tokens_revoke: deletes all of an account's API tokens.
-- Parameters: login.
DELETE FROM tokens WHERE login = ?
