-- accounts_create: the accounts table, on first use. Times are UTC ISO-8601 to the second.
-- password_hash is an Argon2id PHC string; must_change is 1 while the password is a one-time one.
CREATE TABLE IF NOT EXISTS accounts (
  login         TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'reporter', 'admin')),
  scope         TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  must_change   INTEGER NOT NULL CHECK (must_change IN (0, 1)),
  disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created       TEXT NOT NULL,
  changed       TEXT NOT NULL
) STRICT
