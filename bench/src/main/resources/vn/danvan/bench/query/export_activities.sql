-- export_activities: the activities columns the raw trend scan reads, as headerless CSV for COPY.
-- Substituted (string literals the bench builds): {files} the table's Parquet glob, {csv} the output.
-- Columns: year (from the year=YYYY folder), activity_type, participants.
COPY (
  SELECT year, activity_type, participants
  FROM read_parquet({files}, hive_partitioning = true, hive_types = {'year': INTEGER})
) TO {csv} (FORMAT csv, HEADER false)
