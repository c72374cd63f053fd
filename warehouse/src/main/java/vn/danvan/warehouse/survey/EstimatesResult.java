package vn.danvan.warehouse.survey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code /api/survey/estimates}: the waves of the series and each region's cells (docs/surveys.md). */
public record EstimatesResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("name_vi") String nameVi,
    @JsonProperty("name_en") String nameEn,
    @JsonProperty("unit") String unit,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("by") String by,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("waves") List<SurveyWave> waves,
    @JsonProperty("regions") List<RegionCells> regions) {
  public EstimatesResult {
    waves = List.copyOf(waves);
    regions = List.copyOf(regions);
  }
}
