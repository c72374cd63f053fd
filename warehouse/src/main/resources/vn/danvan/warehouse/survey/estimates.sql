-- estimates: the cells of one survey indicator for some regions of one boundary mode and one
-- stratum dimension, every wave or one, as /api/survey/estimates reads them. The mart holds no
-- figure for a suppressed cell; the CASEs keep it so even if a mart were written by other means.
-- Parameters: indicator, boundaries, region codes (comma-separated), by, wave_id (NULL: every
--   wave), wave_id again.
-- Columns: region_code, wave_id, wave_title, fieldwork_start, fieldwork_end, question_id,
--   question_type, stratum, option, statistic, value, se, ci_low, ci_high, n, n_eff, rse,
--   suppressed, unreliable, suppression, previous_wave_id, change, change_se, change_z, change_p.
SELECT region_code, wave_id, wave_title, fieldwork_start, fieldwork_end, question_id, question_type,
       stratum, option, statistic,
       CASE WHEN suppressed THEN NULL ELSE value END AS value,
       CASE WHEN suppressed THEN NULL ELSE se END AS se,
       CASE WHEN suppressed THEN NULL ELSE ci_low END AS ci_low,
       CASE WHEN suppressed THEN NULL ELSE ci_high END AS ci_high,
       CASE WHEN suppressed THEN NULL ELSE n END AS n,
       CASE WHEN suppressed THEN NULL ELSE n_eff END AS n_eff,
       CASE WHEN suppressed THEN NULL ELSE rse END AS rse,
       suppressed, unreliable, suppression, previous_wave_id,
       CASE WHEN suppressed THEN NULL ELSE change END AS change,
       CASE WHEN suppressed THEN NULL ELSE change_se END AS change_se,
       CASE WHEN suppressed THEN NULL ELSE change_z END AS change_z,
       CASE WHEN suppressed THEN NULL ELSE change_p END AS change_p
FROM survey_estimates
WHERE indicator = ? AND boundaries = ? AND list_contains(string_split(?, ','), region_code) AND "by" = ?
  AND (CAST(? AS VARCHAR) IS NULL OR wave_id = ?)
ORDER BY region_code, fieldwork_start, wave_id, stratum NULLS FIRST, option NULLS FIRST
