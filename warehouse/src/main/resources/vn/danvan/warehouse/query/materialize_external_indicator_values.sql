-- materialize_external_indicator_values: the external indicators' mart appended to the served
-- indicator_values (materialize_indicator_values.sql) with its series keys
-- (materialize_external_series_keys.sql), in key order; its columns are the mart's (docs/marts.md),
-- matched by name.
-- Substituted: {grains} the grains copied (WarehouseOptions.servedGrains), as quoted strings;
-- {files} the external mart's Parquet glob literal inside the snapshot folder.
-- Columns: none (rows added to serving.indicator_values).
INSERT INTO serving.indicator_values BY NAME
SELECT k.series_key, v.*
FROM read_parquet({files}, hive_partitioning = false) v
JOIN serving.series_keys k
  ON k.boundaries = v.boundaries AND k.grain = v.grain AND k.indicator = v.indicator AND k.level = v.level
WHERE v.grain IN ({grains})
ORDER BY k.series_key, v.region_code, v.period
