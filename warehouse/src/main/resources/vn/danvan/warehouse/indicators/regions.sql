-- regions: the given codes as one boundary mode knows them; a code reused across 2025-07-01 has one
-- row per version in `reported` mode, and the newest version names it (the nation has no dates).
-- Parameters: boundaries, region codes (comma-separated).
-- Columns: region_code, level, name.
SELECT region_code,
       arg_max(level, coalesce(valid_from, DATE '0001-01-01')) AS level,
       arg_max(name, coalesce(valid_from, DATE '0001-01-01')) AS name
FROM mart_regions
WHERE boundaries = ? AND list_contains(string_split(?, ','), region_code)
GROUP BY region_code
ORDER BY region_code
