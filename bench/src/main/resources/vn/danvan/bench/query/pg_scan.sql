-- pg_scan: the raw-fact trend: participants per year of one activity type, whole country.
-- Parameters: activity_type.
-- Columns: year, value (total participants).
SELECT year, sum(participants)::bigint AS value
FROM activities
WHERE activity_type = ?
GROUP BY year
ORDER BY year
