-- workload_regions: the region codes of one level in one boundary mode.
-- Parameters: boundaries, level. Columns: region_code.
SELECT DISTINCT region_code
FROM mart_regions
WHERE boundaries = ? AND level = ?
ORDER BY region_code
