package vn.danvan.warehouse.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One cell of a survey indicator: a wave, a stratum (null for the region's total) and an option
 * (null for a mean). A suppressed cell has no value, interval, counts or change: only its keys,
 * {@code flags: ["suppressed"]} and why ({@code primary}: too few respondents; {@code secondary}:
 * it would reveal one that is).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SurveyCell(
    @JsonProperty("wave_id") String waveId,
    @JsonProperty("question_id") String questionId,
    @JsonProperty("stratum") String stratum,
    @JsonProperty("option") String option,
    @JsonProperty("statistic") String statistic,
    @JsonProperty("value") Double value,
    @JsonProperty("se") Double se,
    @JsonProperty("ci_low") Double ciLow,
    @JsonProperty("ci_high") Double ciHigh,
    @JsonProperty("n") Long n,
    @JsonProperty("n_eff") Double nEff,
    @JsonProperty("rse") Double rse,
    @JsonProperty("flags") List<String> flags,
    @JsonProperty("suppression") String suppression,
    @JsonProperty("change") Change change) {
  public SurveyCell {
    Objects.requireNonNull(waveId, "waveId");
    flags = List.copyOf(flags);
    if (flags.contains("suppressed") && (value != null || ciLow != null || ciHigh != null || n != null
        || nEff != null || se != null || change != null)) {
      throw new IllegalStateException("a suppressed cell must carry no figure (wave " + waveId + ")");
    }
  }

  /** The change from the series' previous wave: difference, its SE, z and two-sided p. */
  public record Change(
      @JsonProperty("from_wave_id") String fromWaveId,
      @JsonProperty("difference") Double difference,
      @JsonProperty("se") Double se,
      @JsonProperty("z") Double z,
      @JsonProperty("p") Double p) {}
}
