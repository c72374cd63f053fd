/**
 * API: {@code /api/survey/estimates}, survey cells with suppression already applied
 * (docs/surveys.md); it never computes or unmasks a figure.
 */
package vn.danvan.dashboard.survey;
