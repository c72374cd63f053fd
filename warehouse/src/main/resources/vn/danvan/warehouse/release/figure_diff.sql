-- figure_diff: every figure of an indicator mart (indicator_values or external_indicator_values,
-- docs/marts.md: indicator x boundary mode x level x region x grain x period) that differs between
-- two snapshots: changed (both have a value and they differ by more than a billionth of the larger:
-- a load may add the same parts in another order), appeared (after only) or vanished (before only).
-- A row whose value is NULL is no figure.
-- Substituted: {before}, {after} the mart's Parquet glob literal in each snapshot; a snapshot without
-- the mart names the other's files and is switched off by its parameter (no figures on that side).
-- Parameters: before has the mart (boolean), after has the mart (boolean).
-- Columns: change, indicator, boundaries, level, region_code, grain, period, detail (NULL), before, after.
WITH b AS (
  SELECT indicator, boundaries, level, region_code, grain, period, value
  FROM read_parquet({before}, hive_partitioning = false)
  WHERE CAST(? AS BOOLEAN) AND value IS NOT NULL
), a AS (
  SELECT indicator, boundaries, level, region_code, grain, period, value
  FROM read_parquet({after}, hive_partitioning = false)
  WHERE CAST(? AS BOOLEAN) AND value IS NOT NULL
)
SELECT CASE WHEN b.value IS NULL THEN 'appeared' WHEN a.value IS NULL THEN 'vanished' ELSE 'changed' END AS change,
       indicator, boundaries, level, region_code, grain, period, CAST(NULL AS VARCHAR) AS detail,
       b.value AS before, a.value AS after
FROM b FULL OUTER JOIN a USING (indicator, boundaries, level, region_code, grain, period)
WHERE b.value IS NULL OR a.value IS NULL
   OR abs(a.value - b.value) > 1e-9 * greatest(1.0, abs(a.value), abs(b.value))
ORDER BY indicator, boundaries, level, region_code,
         CASE grain WHEN 'year' THEN 1 WHEN 'half' THEN 2 WHEN 'quarter' THEN 3 ELSE 4 END, period
