-- workload_indicators: the indicators with the most commune figures in the map's year, so that
-- every timed map and series has data to return.
-- Parameters: boundaries, level, year, limit. Columns: indicator, figures.
SELECT indicator, count(*) AS figures
FROM indicator_values
WHERE boundaries = ? AND grain = 'year' AND level = ? AND year = ?
GROUP BY indicator
ORDER BY figures DESC, indicator
LIMIT ?
