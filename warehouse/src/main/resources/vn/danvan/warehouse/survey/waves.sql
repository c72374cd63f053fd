-- waves: the waves in which a survey indicator was asked (any region), to tell an unknown wave
-- (404) from a wave without cells for the region.
-- Parameters: indicator.
-- Columns: wave_id.
SELECT DISTINCT wave_id
FROM survey_estimates
WHERE indicator = ?
ORDER BY wave_id
