-- regions: every region one boundary mode knows, with its level and name; a code reused across
-- 2025-07-01 has one row per version in `reported` mode, and the newest version names it (the
-- nation has no dates). The warehouse keeps the answer per snapshot and mode.
-- Parameters: boundaries.
-- Columns: region_code, level, name.
SELECT region_code,
       arg_max(level, coalesce(valid_from, DATE '0001-01-01')) AS level,
       arg_max(name, coalesce(valid_from, DATE '0001-01-01')) AS name
FROM mart_regions
WHERE boundaries = ?
GROUP BY region_code
ORDER BY region_code
