-- pg_regions: what /api/regions reads for a picker: the regions of one level in one boundary mode.
-- Parameters: boundaries, level.
-- Columns: region_code, name, level, parent_code.
SELECT region_code, max(name) AS name, max(level) AS level, max(parent_code) AS parent_code
FROM mart_regions
WHERE boundaries = ? AND level = ?
GROUP BY region_code
ORDER BY region_code
