-- growth: the mean counts of posts at 1 h, 24 h and 7 d after publishing (posts whose snapshots
-- cover that age) and their final totals (every measured post), per breakdown value, over post_stats,
-- in one scan: six columns per age.
-- Parameters: breakdown (none|platform|topic|format|unit|team|channel), then the post filter:
--   region, boundaries, region, boundaries, region, first and last local date (see aggregates.sql).
-- Columns: key, then for 1h, 24h, 7d and the totals in turn: posts, mean_shares, mean_comments,
--   mean_reactions, mean_interactions, median_interactions.
SELECT CASE ? WHEN 'platform' THEN platform WHEN 'topic' THEN topic WHEN 'format' THEN format
              WHEN 'unit' THEN unit WHEN 'team' THEN team WHEN 'channel' THEN channel END AS key,
       count(interactions_1h), avg(shares_1h), avg(comments_1h), avg(reactions_1h), avg(interactions_1h), quantile_cont(interactions_1h, 0.5),
       count(interactions_24h), avg(shares_24h), avg(comments_24h), avg(reactions_24h), avg(interactions_24h), quantile_cont(interactions_24h, 0.5),
       count(interactions_7d), avg(shares_7d), avg(comments_7d), avg(reactions_7d), avg(interactions_7d), quantile_cont(interactions_7d, 0.5),
       count(interactions), avg(shares), avg(comments), avg(reactions), avg(interactions), quantile_cont(interactions, 0.5)
FROM post_stats
WHERE (? = 'VN' OR (? = 'reported' AND ? IN (r_province, r_district, r_commune))
       OR (? = '2025' AND ? IN (n_province, n_commune)))
  AND published_date BETWEEN ? AND ?
GROUP BY key
ORDER BY key NULLS FIRST
