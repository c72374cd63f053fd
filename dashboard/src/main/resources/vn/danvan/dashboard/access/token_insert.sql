-- token_insert: a new API token's hash.
-- Parameters: token_hash, login, created.
INSERT INTO tokens (token_hash, login, created) VALUES (?, ?, ?)
