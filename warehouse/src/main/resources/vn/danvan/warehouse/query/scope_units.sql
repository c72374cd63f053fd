-- scope_units: every unit below the nation in both boundary modes, with its parent and the day
-- it took effect, for resolving a region scope (Visibility). Parameters: none.
-- Columns: boundaries, region_code, level, parent_code, valid_from.
SELECT boundaries, region_code, level, parent_code, valid_from
FROM mart_regions
WHERE level <> 'nation'
