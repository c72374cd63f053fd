-- materialize_indicator_values: the indicator_values mart copied into the serving database, sorted
-- so that one indicator's figures for one mode and grain lie together (DuckDB's zone maps then skip
-- every other row group of a series or map read).
-- Substituted: {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: those of the mart (docs/marts.md).
CREATE TABLE serving.indicator_values AS
SELECT * FROM read_parquet({files}, hive_partitioning = false)
ORDER BY boundaries, grain, indicator, level, region_code, period
