-- series: one indicator for a list of regions over a span of years, as /api/series reads it.
-- Parameters: boundaries, grain, indicator, levels of the regions (comma-separated; lets the sorted
-- mart skip other levels' row groups), region codes (comma-separated), first year, last year.
-- Columns: region_code, period, value, source, exact, method (docs/marts.md).
SELECT region_code, period, value, source, exact, method
FROM indicator_values
WHERE boundaries = ? AND grain = ? AND indicator = ?
  AND list_contains(string_split(?, ','), level)
  AND list_contains(string_split(?, ','), region_code)
  AND year BETWEEN ? AND ?
ORDER BY region_code, period
