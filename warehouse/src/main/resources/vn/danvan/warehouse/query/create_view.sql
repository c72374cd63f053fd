-- create_view: the view over one unpartitioned lake table of the snapshot this DuckDB serves.
-- DDL takes no bound values, so two placeholders are substituted, both never from request text:
--   {table}  the view name, a quoted identifier from the LakeTable allow-list
--   {files}  a string literal: the table's Parquet glob inside the snapshot folder
-- Columns: those of the table's Parquet files. Hive partitioning stays off so that a key=value
-- folder higher up the lake path can never turn into a column.
CREATE VIEW {table} AS
SELECT * FROM read_parquet({files}, hive_partitioning = false)
