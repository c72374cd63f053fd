-- series: one indicator for a list of regions over a span of years, as /api/series reads it.
-- Parameters: lowest and highest series key (series_keys.sql: the indicator in the boundary mode
-- and grain, at the levels of the regions; the range lets the sorted mart skip every other row
-- group), region codes (comma-separated), first year, last year.
-- Columns: region_code, period, value, source, exact, method (docs/marts.md).
SELECT region_code, period, value, source, exact, method
FROM serving.indicator_values
WHERE series_key BETWEEN ? AND ?
  AND list_contains(string_split(?, ','), region_code)
  AND year BETWEEN ? AND ?
ORDER BY region_code, period
