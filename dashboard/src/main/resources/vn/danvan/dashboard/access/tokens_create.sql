-- tokens_create: the API tokens table, on first use; a token is stored only as its SHA-256 (hex).
-- last_used is null until the token is first used, then updated at most once a minute.
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  login      TEXT NOT NULL REFERENCES accounts (login),
  created    TEXT NOT NULL,
  last_used  TEXT
) STRICT
