-- materialize_indicator_values: the indicator_values mart copied into the serving database with
-- its series key (materialize_series_keys.sql, which runs first), sorted so that one series' figures
-- lie together by region and period.
-- Substituted: {grains} the grains copied (WarehouseOptions.servedGrains), as quoted strings;
-- {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: series_key, then those of the mart (docs/marts.md).
CREATE TABLE serving.indicator_values AS
SELECT k.series_key, v.*
FROM read_parquet({files}, hive_partitioning = false) v
JOIN serving.series_keys k
  ON k.boundaries = v.boundaries AND k.grain = v.grain AND k.indicator = v.indicator AND k.level = v.level
WHERE v.grain IN ({grains})
ORDER BY k.series_key, v.region_code, v.period
