-- export_mart_regions: the mart_regions mart of one snapshot as headerless CSV for COPY.
-- Substituted (string literals the bench builds): {files} the mart's Parquet glob, {csv} the output.
-- Columns: in the order of pg_create_mart_regions.sql.
COPY (
  SELECT boundaries, level, region_code, name, parent_code, valid_from, valid_to
  FROM read_parquet({files}, hive_partitioning = false)
) TO {csv} (FORMAT csv, HEADER false)
