-- rules: one row of the survey_estimates mart, for the disclosure rules it was built with (the same
-- on every row: min_respondents, protection_level), as /api/survey/estimates states them. A mart
-- written before the rules were columns has neither; the caller reads them by name when present.
-- Parameters: none.
-- Columns: those of the mart.
SELECT *
FROM survey_estimates
LIMIT 1
