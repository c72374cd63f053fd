-- suppressed_figures: what the survey_estimates view shows of suppressed cells (test only): how many
-- there are, and how many of them carry any figure at all (must be none).
-- Parameters: none.
-- Columns: suppressed, with_figures.
SELECT count(*) FILTER (WHERE suppressed) AS suppressed,
       count(*) FILTER (WHERE suppressed AND (value IS NOT NULL OR se IS NOT NULL OR ci_low IS NOT NULL
           OR ci_high IS NOT NULL OR n IS NOT NULL OR n_eff IS NOT NULL OR rse IS NOT NULL
           OR change IS NOT NULL OR change_se IS NOT NULL OR change_p IS NOT NULL)) AS with_figures
FROM survey_estimates
