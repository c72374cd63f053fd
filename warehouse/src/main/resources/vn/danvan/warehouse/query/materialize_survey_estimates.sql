-- materialize_survey_estimates: the survey_estimates mart (docs/surveys.md) copied into the serving
-- database, sorted by what /api/survey/estimates filters on, so that a read skips to its rows.
-- Suppression was applied when the mart was built; the copy holds exactly its rows.
-- Substituted: {files} the mart's Parquet glob literal inside the snapshot folder.
-- Columns: those of the mart.
CREATE TABLE serving.survey_estimates AS
SELECT * FROM read_parquet({files}, hive_partitioning = false)
ORDER BY indicator, boundaries, region_code, "by", fieldwork_start, wave_id, stratum, option
