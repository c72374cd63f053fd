-- pg_region_children: what /api/regions/{code} reads for drill-down: the children of one region.
-- Parameters: boundaries, parent code.
-- Columns: region_code, name, level.
SELECT region_code, max(name) AS name, max(level) AS level
FROM mart_regions
WHERE boundaries = ? AND parent_code = ?
GROUP BY region_code
ORDER BY region_code
