/**
 * Warehouse queries over the {@code survey_estimates} mart: cells as the mart holds them,
 * suppression already applied at load. It must never compute a survey figure itself, and {@link
 * vn.danvan.warehouse.survey.SurveyCell} refuses to carry a suppressed one.
 */
package vn.danvan.warehouse.survey;
