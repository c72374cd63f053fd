-- survey_diff: every survey estimate (survey_estimates, docs/surveys.md) that differs between two
-- snapshots, as figure_diff.sql does for the indicator marts. A figure is one published cell:
-- series (the indicator, or question:<wave>:<question> for a question of no series) x boundary
-- mode x region x wave x breakdown (by, stratum, option); a withheld cell (value NULL) is no figure,
-- so a cell withheld after the freeze vanished and one shown after it appeared.
-- Substituted: {before}, {after} the mart's Parquet glob literal in each snapshot, as in figure_diff.sql.
-- Parameters: before has the mart (boolean), after has the mart (boolean).
-- Columns: change, indicator, boundaries, level, region_code, grain ('wave'), period (the wave id),
-- detail (by[:stratum][/option]), before, after.
WITH b AS (
  SELECT coalesce(indicator, 'question:' || wave_id || ':' || question_id) AS indicator, boundaries, level,
         region_code, wave_id, "by" || coalesce(':' || stratum, '') || coalesce('/' || option, '') AS detail, value
  FROM read_parquet({before}, hive_partitioning = false)
  WHERE CAST(? AS BOOLEAN) AND value IS NOT NULL
), a AS (
  SELECT coalesce(indicator, 'question:' || wave_id || ':' || question_id) AS indicator, boundaries, level,
         region_code, wave_id, "by" || coalesce(':' || stratum, '') || coalesce('/' || option, '') AS detail, value
  FROM read_parquet({after}, hive_partitioning = false)
  WHERE CAST(? AS BOOLEAN) AND value IS NOT NULL
)
SELECT CASE WHEN b.value IS NULL THEN 'appeared' WHEN a.value IS NULL THEN 'vanished' ELSE 'changed' END AS change,
       indicator, boundaries, level, region_code, 'wave' AS grain, wave_id AS period, detail,
       b.value AS before, a.value AS after
FROM b FULL OUTER JOIN a USING (indicator, boundaries, level, region_code, wave_id, detail)
WHERE b.value IS NULL OR a.value IS NULL
   OR abs(a.value - b.value) > 1e-9 * greatest(1.0, abs(a.value), abs(b.value))
ORDER BY indicator, boundaries, level, region_code, period, detail
