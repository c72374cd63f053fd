-- scope_lineage: where each unit that ceased on 2025-07-01 went (every link, full or partial),
-- for resolving a region scope (Visibility). Parameters: none.
-- Columns: old_code, new_code.
SELECT DISTINCT old_code, new_code
FROM region_lineage
