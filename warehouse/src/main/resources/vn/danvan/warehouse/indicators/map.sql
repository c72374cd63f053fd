-- map: one indicator for every region of one level in one year, as /api/map reads it. Regions in
-- force on the year's last day are listed even without a figure (value NULL: no data, never 0);
-- a region with a figure is listed even if it had ceased by then (units merged during the year).
-- Parameters: year-end date, year-end date, year-end date, boundaries, level, series key (series_keys.sql:
-- the indicator in the boundary mode at the level, grain year), year.
-- Columns: region_code, name, value, source, exact, method, in_force.
WITH regs AS (
  SELECT region_code,
         coalesce(arg_max(name, valid_from) FILTER (WHERE valid_from <= CAST(? AS DATE)), arg_max(name, valid_from)) AS name,
         bool_or(valid_from <= CAST(? AS DATE) AND (valid_to IS NULL OR valid_to >= CAST(? AS DATE))) AS in_force
  FROM mart_regions
  WHERE boundaries = ? AND level = ?
  GROUP BY region_code
), vals AS (
  SELECT region_code, value, source, exact, method
  FROM serving.indicator_values
  WHERE series_key = ? AND year = ?
)
SELECT r.region_code, r.name, v.value, v.source, v.exact, v.method, r.in_force
FROM regs r LEFT JOIN vals v ON v.region_code = r.region_code
WHERE r.in_force OR v.value IS NOT NULL
ORDER BY r.region_code
