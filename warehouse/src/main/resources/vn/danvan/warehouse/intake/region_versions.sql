-- region_versions: every version of every unit as reported (a code reused across 2025-07-01 has a
-- row per version), with its name and level, for checking an upload's region codes and listing
-- the units a template offers. Parameters: none.
-- Columns: region_code, name, level, valid_from, valid_to.
SELECT region_code, name, level, valid_from, valid_to
FROM mart_regions
WHERE boundaries = 'reported' AND level <> 'nation'
ORDER BY region_code, valid_from
