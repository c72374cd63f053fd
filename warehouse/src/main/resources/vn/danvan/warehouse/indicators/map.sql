-- map: one indicator for every region of one level in one year, as /api/map reads it. Every unit
-- is listed with or without a figure (value NULL: no data, never 0): restated (boundaries=2025),
-- every 2025 unit in every year, since the whole series is restated onto them; as reported, the
-- units in force on the year's last day, and a unit with a figure even if it had ceased by then
-- (units merged during the year). in_force says whether the unit existed on the year's last day.
-- Parameters: year-end date, year-end date, year-end date, boundaries, level, series key (series_keys.sql:
-- the indicator in the boundary mode at the level, grain year), year, restated (true for 2025).
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
WHERE r.in_force OR v.value IS NOT NULL OR CAST(? AS BOOLEAN)
ORDER BY r.region_code
