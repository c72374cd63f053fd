/**
 * Lake snapshot → marts, opinion surveys: the statistics behind {@code survey_estimates} (weighted
 * estimates, Kish's n_eff, Wilson and t intervals, primary and secondary suppression;
 * docs/surveys.md). Plain Java over Commons Math, no Spark and no I/O: the Spark side is {@link
 * vn.danvan.etl.marts.SurveyMart}.
 */
package vn.danvan.etl.survey;
