package vn.danvan.etl.survey;

import vn.danvan.contract.Stratum;

/**
 * One row of the {@code survey_estimates} mart (docs/surveys.md). A suppressed row carries no
 * value, SE, interval, counts or change: only its keys and {@code suppression}.
 *
 * @param option the answer option of a proportion, {@code top2} for a likert5 top-2-box, null for a mean
 * @param statistic {@code proportion} or {@code mean}
 * @param suppression {@code primary} or {@code secondary}; null when shown
 */
public record EstimateRow(String indicator, Wave wave, String boundaries, String level, String regionCode,
    Stratum by, String stratum, String option, String statistic, Double value, Double se, Double ciLow,
    Double ciHigh, Long n, Double nEff, Double rse, boolean suppressed, boolean unreliable,
    String suppression, String previousWaveId, Double change, Double changeSe, Double changeZ,
    Double changeP) {
  public EstimateRow {
    if (suppressed && (value != null || se != null || ciLow != null || ciHigh != null || n != null
        || nEff != null || change != null)) {
      throw new IllegalArgumentException("a suppressed cell carries no figure: " + regionCode + " "
          + by.code() + "=" + stratum + " " + option);
    }
  }
}
