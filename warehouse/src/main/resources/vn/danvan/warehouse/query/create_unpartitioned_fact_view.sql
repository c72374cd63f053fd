-- create_unpartitioned_fact_view: the view over a fact table that has no year=YYYY folder, which
-- Spark writes as one schema-only file when a load lands no row of the table.
-- Substituted as in create_view.sql: {table} (allow-listed identifier), {files} (Parquet glob literal).
-- Columns: those of the table's Parquet files plus year INTEGER (always NULL), as in
-- create_partitioned_view.sql.
CREATE VIEW {table} AS
SELECT *, CAST(NULL AS INTEGER) AS year FROM read_parquet({files})
