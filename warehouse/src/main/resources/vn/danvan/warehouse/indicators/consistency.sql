-- consistency: every breakdown of a report whose parts do not add up to the report's total.
-- A report is one region, period, reporting unit and source document; its total is the row with no
-- disaggregation, a breakdown the rows that share the same disaggregation keys (e.g. `field`).
-- Parameters: root region code, year (of period_end), root region code again.
-- Columns: region_code, name, unit, source_document, indicator, period_start, period_end, key,
--   total, sum, parts.
WITH RECURSIVE tree(code) AS (
  SELECT CAST(? AS VARCHAR)
  UNION
  SELECT r.region_code
  FROM mart_regions r JOIN tree t ON r.parent_code = t.code
  WHERE r.boundaries = 'reported'
), rv AS (
  SELECT region_code, period_start, period_end, unit, coalesce(source_document, '') AS source_document,
         indicator, nullif(disaggregation, '') AS disaggregation, value
  FROM report_values
  WHERE year = ? AND (? = 'VN' OR region_code IN (SELECT code FROM tree))
), totals AS (
  SELECT region_code, period_start, period_end, unit, source_document, indicator, sum(value) AS total
  FROM rv WHERE disaggregation IS NULL
  GROUP BY ALL
), parts AS (
  SELECT region_code, period_start, period_end, unit, source_document, indicator,
         array_to_string(list_sort(list_distinct(
           list_transform(string_split(disaggregation, ';'), x -> trim(split_part(x, '=', 1))))), ';') AS key,
         sum(value) AS sum, count(*) AS parts
  FROM rv WHERE disaggregation IS NOT NULL
  GROUP BY ALL
), names AS (
  SELECT region_code, arg_max(name, valid_from) AS name
  FROM mart_regions WHERE boundaries = 'reported'
  GROUP BY region_code
)
SELECT p.region_code, n.name, p.unit, p.source_document, p.indicator, p.period_start, p.period_end,
       p.key, t.total, p.sum, p.parts
FROM parts p
JOIN totals t USING (region_code, period_start, period_end, unit, source_document, indicator)
LEFT JOIN names n ON n.region_code = p.region_code
WHERE abs(p.sum - t.total) > 1e-9 * greatest(1.0, abs(t.total))
ORDER BY p.indicator, p.period_start, p.period_end, p.region_code, p.unit, p.source_document, p.key
