-- attainment: each campaign target of a year beside what the region achieved (the indicator's
-- figure for the region and year, units as reported); achieved is NULL when there is no figure.
-- Parameters: year, indicator (NULL for all), the same indicator again.
-- Columns: campaign_code, campaign_name, region_code, region_name, indicator, target_value, achieved.
WITH names AS (
  SELECT region_code, arg_max(name, valid_from) AS name
  FROM mart_regions WHERE boundaries = 'reported'
  GROUP BY region_code
)
SELECT t.campaign_code, c.name, t.region_code, n.name, t.indicator, t.target_value, v.value
FROM campaign_targets t
LEFT JOIN campaigns c ON c.campaign_code = t.campaign_code
LEFT JOIN names n ON n.region_code = t.region_code
LEFT JOIN indicator_values v
  ON v.boundaries = 'reported' AND v.grain = 'year' AND v.indicator = t.indicator
 AND v.region_code = t.region_code AND v.year = t.year
WHERE t.year = ? AND (CAST(? AS VARCHAR) IS NULL OR t.indicator = ?)
ORDER BY t.indicator, t.region_code, t.campaign_code
