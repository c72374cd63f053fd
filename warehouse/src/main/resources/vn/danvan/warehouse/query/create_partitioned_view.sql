-- create_partitioned_view: the view over one fact table, hive-partitioned year=YYYY by the etl.
-- Substituted as in create_view.sql: {table} (allow-listed identifier), {files} (Parquet glob literal).
-- Columns: those of the table's Parquet files plus year INTEGER, read from the folder name
-- (typed as the lake contract says; DuckDB alone would guess BIGINT).
CREATE VIEW {table} AS
SELECT * FROM read_parquet({files}, hive_partitioning = true, hive_types = {'year': INTEGER})
