-- rules: the disclosure rules the survey_estimates mart was built with (the same on every row), as
-- /api/survey/estimates states them. A mart written before the rules were columns has neither:
-- COLUMNS() then selects nothing of it and the caller finds no such column.
-- Parameters: none.
-- Columns: min_respondents, protection_level (each only when the mart has it).
SELECT max(COLUMNS('^(min_respondents|protection_level)$')), count(*) AS cells
FROM survey_estimates
