-- pg_create_indicator_values: the indicator_values mart (docs/marts.md) in PostgreSQL.
-- Parameters: none.
CREATE TABLE indicator_values (
  indicator text NOT NULL,
  boundaries text NOT NULL,
  level text NOT NULL,
  region_code text NOT NULL,
  grain text NOT NULL,
  period text NOT NULL,
  year integer NOT NULL,
  value double precision,
  source text,
  exact boolean,
  method text
)
