-- overperformance: the posts of the filter with a score at one age, ranked by it, over post_stats.
-- Parameters: age (1h|24h|7d) four times, then the post filter: region, boundaries, region,
--   boundaries, region, first and last local date (see aggregates.sql), then order (top|bottom),
--   limit.
-- Columns: post_id, unit, team, region_code, platform, channel, published_ms (epoch milliseconds),
--   topic, format, at_age, benchmark, benchmark_posts, score, shares, comments, reactions, views.
WITH p AS (
  SELECT post_id, unit, team, region_code, platform, channel, published_at, topic, format,
         shares, comments, reactions, views,
         CASE ? WHEN '1h' THEN interactions_1h WHEN '24h' THEN interactions_24h ELSE interactions_7d END AS at_age,
         CASE ? WHEN '1h' THEN benchmark_1h WHEN '24h' THEN benchmark_24h ELSE benchmark_7d END AS benchmark,
         CASE ? WHEN '1h' THEN benchmark_posts_1h WHEN '24h' THEN benchmark_posts_24h ELSE benchmark_posts_7d END
             AS benchmark_posts,
         CASE ? WHEN '1h' THEN score_1h WHEN '24h' THEN score_24h ELSE score_7d END AS score
  FROM post_stats
  WHERE (? = 'VN' OR (? = 'reported' AND ? IN (r_province, r_district, r_commune))
         OR (? = '2025' AND ? IN (n_province, n_commune)))
    AND published_date BETWEEN ? AND ?
)
SELECT post_id, unit, team, region_code, platform, channel, epoch_ms(published_at) AS published_ms, topic, format,
       at_age, benchmark, benchmark_posts, score, shares, comments, reactions, views
FROM p
WHERE score IS NOT NULL
ORDER BY CASE WHEN ? = 'top' THEN -score ELSE score END, published_at, post_id
LIMIT ?
