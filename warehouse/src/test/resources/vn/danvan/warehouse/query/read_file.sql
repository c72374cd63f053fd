-- read_file (test): rows in any Parquet file, to prove the hardening refuses files outside the snapshot.
-- Parameters: 1 the file path. Columns: row_count BIGINT
SELECT count(*) AS row_count FROM read_parquet(?)
