-- pg_create_mart_regions: the mart_regions mart (docs/marts.md) in PostgreSQL.
-- Parameters: none.
CREATE TABLE mart_regions (
  boundaries text NOT NULL,
  level text NOT NULL,
  region_code text NOT NULL,
  name text,
  parent_code text,
  valid_from date,
  valid_to date
)
