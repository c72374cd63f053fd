-- export_indicator_values: the indicator_values mart of one snapshot as headerless CSV for COPY.
-- Substituted (string literals the bench builds): {files} the mart's Parquet glob, {csv} the output.
-- Columns: in the order of pg_create_indicator_values.sql.
COPY (
  SELECT indicator, boundaries, level, region_code, grain, period, year, value, source, exact, method
  FROM read_parquet({files}, hive_partitioning = false)
) TO {csv} (FORMAT csv, HEADER false)
