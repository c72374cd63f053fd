-- duckdb_map: pg_map.sql on the warehouse's views (same answer).
-- Parameters: boundaries, grain, indicator, level, year.
-- Columns: region_code, name, value, source, exact, method.
SELECT v.region_code, r.name, v.value, v.source, v.exact, v.method
FROM indicator_values v
LEFT JOIN mart_regions r
  ON r.boundaries = v.boundaries AND r.level = v.level AND r.region_code = v.region_code
WHERE v.boundaries = ? AND v.grain = ? AND v.indicator = ? AND v.level = ? AND v.year = ?
ORDER BY v.region_code
