-- table_count: rows in one lake table of the snapshot.
-- Substituted: {table} a quoted identifier from the LakeTable allow-list. Parameters: none.
-- Columns: row_count BIGINT
SELECT count(*) AS row_count FROM {table}
