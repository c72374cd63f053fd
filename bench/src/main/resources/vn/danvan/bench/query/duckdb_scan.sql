-- duckdb_scan: pg_scan.sql straight over the activities Parquet files (the warehouse's view).
-- Parameters: activity_type.
-- Columns: year, value (total participants).
SELECT year, CAST(sum(participants) AS BIGINT) AS value
FROM activities
WHERE activity_type = ?
GROUP BY year
ORDER BY year
