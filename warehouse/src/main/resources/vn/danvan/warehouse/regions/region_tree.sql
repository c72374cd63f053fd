-- region_tree: every region one boundary mode knows with its parent, for drill-down and
-- breadcrumbs. A code reused across 2025-07-01 has one row per version in `reported` mode; the
-- newest version names it and gives its parent (the nation has no dates).
-- Substituted: {regions} the mart_regions view, or its Parquet files as a quoted glob.
-- Parameters: boundaries.
-- Columns: region_code, level, name, parent_code.
SELECT region_code,
       arg_max(level, coalesce(valid_from, DATE '0001-01-01')) AS level,
       arg_max(name, coalesce(valid_from, DATE '0001-01-01')) AS name,
       arg_max(parent_code, coalesce(valid_from, DATE '0001-01-01')) AS parent_code
FROM {regions}
WHERE boundaries = ?
GROUP BY region_code
ORDER BY region_code
