-- pg_series: what /api/series reads: one indicator for a list of regions over a span of years.
-- Parameters: boundaries, grain, indicator, region codes (comma-separated), first year, last year.
-- Columns: region_code, period, value, source, exact, method.
SELECT region_code, period, value, source, exact, method
FROM indicator_values
WHERE boundaries = ? AND grain = ? AND indicator = ?
  AND region_code = ANY (string_to_array(?, ','))
  AND year BETWEEN ? AND ?
ORDER BY region_code, period
