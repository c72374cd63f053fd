-- materialize_series_keys: one small integer per boundary mode, grain, indicator and level of the
-- indicator_values mart, numbered in that order. The served mart is sorted by it, and an integer's
-- zone maps are exact where DuckDB keeps only the first 8 bytes of a string's (activity_sessions,
-- activity_participants and activity_value_vnd all begin 'activity'): a series or map read then
-- touches one or two row groups instead of every group the shared prefix spans.
-- Substituted: {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: series_key, boundaries, grain, indicator, level.
CREATE TABLE serving.series_keys AS
SELECT CAST(row_number() OVER (ORDER BY boundaries, grain, indicator, level) AS INTEGER) AS series_key,
       boundaries, grain, indicator, level
FROM (SELECT DISTINCT boundaries, grain, indicator, level
      FROM read_parquet({files}, hive_partitioning = false))
