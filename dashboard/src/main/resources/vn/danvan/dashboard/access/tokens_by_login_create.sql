-- tokens_by_login_create: the index that counts and revokes an account's tokens.
CREATE INDEX IF NOT EXISTS tokens_by_login ON tokens (login)
