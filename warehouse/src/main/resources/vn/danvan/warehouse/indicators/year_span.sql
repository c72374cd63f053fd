-- year_span: the first and last year with figures for one indicator in one boundary mode and grain,
-- the default span of a series.
-- Parameters: boundaries, grain, indicator.
-- Columns: first_year, last_year (both NULL when the indicator has no figures).
SELECT min(year) AS first_year, max(year) AS last_year
FROM indicator_values
WHERE boundaries = ? AND grain = ? AND indicator = ? AND level = 'nation'
