-- activity_years (test): the hive partition column of activities.
-- Parameters: 1 minimum participants. Columns: year, year_type, n
SELECT year, typeof(year) AS year_type, count(*) AS n
FROM activities WHERE participants >= ? GROUP BY year ORDER BY year
