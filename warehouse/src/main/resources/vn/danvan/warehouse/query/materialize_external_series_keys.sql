-- materialize_external_series_keys: series keys for the external indicators' mart
-- (external_indicator_values, written by `danvan external import` and every later load), numbered
-- after every key of indicator_values (materialize_series_keys.sql runs first), so that its rows,
-- appended in key order, leave the served table sorted by key. A series indicator_values already
-- has keeps its key.
-- Substituted: {files} the external mart's Parquet glob literal inside the snapshot folder.
-- Columns: series_key, boundaries, grain, indicator, level (rows added to serving.series_keys).
INSERT INTO serving.series_keys
SELECT CAST((SELECT coalesce(max(series_key), 0) FROM serving.series_keys)
            + row_number() OVER (ORDER BY boundaries, grain, indicator, level) AS INTEGER) AS series_key,
       boundaries, grain, indicator, level
FROM (SELECT DISTINCT boundaries, grain, indicator, level
      FROM read_parquet({files}, hive_partitioning = false) e
      WHERE NOT EXISTS (SELECT 1 FROM serving.series_keys k
                        WHERE k.boundaries = e.boundaries AND k.grain = e.grain
                          AND k.indicator = e.indicator AND k.level = e.level))
