-- aggregates: outreach posts and interactions per period and one breakdown, over post_stats.
-- The breakdown column is chosen by a bound code from a fixed CASE (no identifier from request text).
-- Parameters: breakdown (platform|topic|format|unit|team|channel, or region|<boundaries>|<level>,
--   e.g. region|reported|district), grain (year|half|quarter|month), then the post filter:
--   region, boundaries, region, boundaries, region (VN = every post; reported: the post's commune,
--   district or province; 2025: its restated commune or province), first and last local date.
-- Columns: period, key, posts, measured, interactions, shares, comments, reactions, views,
--   mean_interactions, median_interactions (interpolated for an even count), zero_share.
WITH p AS (
  SELECT CASE ? WHEN 'platform' THEN platform WHEN 'topic' THEN topic WHEN 'format' THEN format
                WHEN 'unit' THEN unit WHEN 'team' THEN team WHEN 'channel' THEN channel
                WHEN 'region|reported|nation' THEN 'VN' WHEN 'region|2025|nation' THEN 'VN'
                WHEN 'region|reported|province' THEN r_province
                WHEN 'region|reported|district' THEN r_district
                WHEN 'region|reported|commune' THEN r_commune
                WHEN 'region|2025|province' THEN n_province
                WHEN 'region|2025|commune' THEN n_commune END AS key,
         CASE ? WHEN 'year' THEN CAST(year(published_date) AS VARCHAR)
                WHEN 'half' THEN concat(year(published_date), '-H', CASE WHEN month(published_date) <= 6 THEN 1 ELSE 2 END)
                WHEN 'quarter' THEN concat(year(published_date), '-Q', quarter(published_date))
                ELSE strftime(published_date, '%Y-%m') END AS period,
         interactions, shares, comments, reactions, views
  FROM post_stats
  WHERE (? = 'VN' OR (? = 'reported' AND ? IN (r_province, r_district, r_commune))
         OR (? = '2025' AND ? IN (n_province, n_commune)))
    AND published_date BETWEEN ? AND ?
)
SELECT period, key, count(*) AS posts, count(interactions) AS measured,
       sum(interactions) AS interactions, sum(shares) AS shares, sum(comments) AS comments,
       sum(reactions) AS reactions, sum(views) AS views,
       avg(interactions) AS mean_interactions,
       quantile_cont(interactions, 0.5) AS median_interactions,
       count(*) FILTER (WHERE interactions = 0) / nullif(count(interactions), 0) AS zero_share
FROM p
GROUP BY period, key
ORDER BY period, posts DESC, key NULLS LAST
