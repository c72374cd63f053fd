package vn.danvan.warehouse.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A wave of the series: what the page labels a point with. */
public record SurveyWave(
    @JsonProperty("wave_id") String waveId,
    @JsonProperty("title") String title,
    @JsonProperty("fieldwork_start") String fieldworkStart,
    @JsonProperty("fieldwork_end") String fieldworkEnd,
    @JsonProperty("question_id") String questionId,
    @JsonProperty("question_type") String questionType) {}
