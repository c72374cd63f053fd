-- materialize_mart_regions: the mart_regions mart copied into the serving database.
-- Substituted: {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: those of the mart (docs/marts.md).
CREATE TABLE serving.mart_regions AS
SELECT * FROM read_parquet({files}, hive_partitioning = false)
ORDER BY boundaries, level, region_code, valid_from
