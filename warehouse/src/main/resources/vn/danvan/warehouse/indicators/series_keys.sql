-- series_keys: every series key of the served indicator_values mart (materialize_series_keys.sql);
-- a series or map read looks its keys up here (the warehouse keeps them per snapshot).
-- Parameters: none.
-- Columns: series_key, boundaries, grain, indicator, level.
SELECT series_key, boundaries, grain, indicator, level
FROM serving.series_keys
ORDER BY series_key
