-- year_span: the first and last year with figures for one indicator in one boundary mode and grain,
-- the default span of a series.
-- Parameters: series key (series_keys.sql: the indicator in the boundary mode and grain, level
-- nation).
-- Columns: first_year, last_year (both NULL when the indicator has no figures).
SELECT min(year) AS first_year, max(year) AS last_year
FROM serving.indicator_values
WHERE series_key = ?
