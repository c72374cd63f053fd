-- pg_map: what /api/map reads: one indicator for every region of a level in one year, with names.
-- Parameters: boundaries, grain, indicator, level, year.
-- Columns: region_code, name, value, source, exact, method.
SELECT v.region_code, r.name, v.value, v.source, v.exact, v.method
FROM indicator_values v
LEFT JOIN mart_regions r
  ON r.boundaries = v.boundaries AND r.level = v.level AND r.region_code = v.region_code
WHERE v.boundaries = ? AND v.grain = ? AND v.indicator = ? AND v.level = ? AND v.year = ?
ORDER BY v.region_code
