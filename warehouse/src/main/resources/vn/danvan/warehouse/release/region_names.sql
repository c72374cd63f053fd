-- region_names: the name of every region of the mart_regions mart (docs/marts.md) per boundary
-- mode, its latest where a unit was renamed: to label the figures of a diff.
-- Substituted: {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: boundaries, region_code, name.
SELECT boundaries, region_code, arg_max(name, coalesce(valid_from, DATE '0001-01-01')) AS name
FROM read_parquet({files}, hive_partitioning = false)
GROUP BY boundaries, region_code
