-- workload_activity_types: the most frequent activity types, rotated over by the raw scan.
-- Parameters: limit. Columns: activity_type, activities.
SELECT activity_type, count(*) AS activities
FROM activities
GROUP BY activity_type
ORDER BY activities DESC, activity_type
LIMIT ?
