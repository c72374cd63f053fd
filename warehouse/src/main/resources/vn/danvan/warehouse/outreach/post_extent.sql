-- post_extent: how far an outreach aggregate can spread, for its cost estimate (CostLimits): the
-- first and last publishing year and the number of distinct values of each breakdown column.
-- Parameters: none.
-- Columns: first_year, last_year (NULL without posts), platforms, topics, formats, units, teams,
--   channels.
SELECT min(year(published_date)) AS first_year, max(year(published_date)) AS last_year,
       count(DISTINCT platform) AS platforms, count(DISTINCT topic) AS topics,
       count(DISTINCT format) AS formats, count(DISTINCT unit) AS units,
       count(DISTINCT team) AS teams, count(DISTINCT channel) AS channels
FROM post_stats
