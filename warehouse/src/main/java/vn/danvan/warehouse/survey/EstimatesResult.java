package vn.danvan.warehouse.survey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/**
 * {@code /api/survey/estimates}: the waves of the series and each region's cells (docs/surveys.md),
 * with the rules the cells were withheld by (null when the mart does not record them).
 *
 * @param minRespondents a cell answered by fewer respondents is withheld
 * @param protectionLevel the share of its value every withheld cell's range keeps after the disclosure audit
 */
public record EstimatesResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("name_vi") String nameVi,
    @JsonProperty("name_en") String nameEn,
    @JsonProperty("unit") String unit,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("by") String by,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("min_respondents") Integer minRespondents,
    @JsonProperty("protection_level") Double protectionLevel,
    @JsonProperty("waves") List<SurveyWave> waves,
    @JsonProperty("regions") List<RegionCells> regions) implements ScopedAnswer<EstimatesResult> {
  public EstimatesResult {
    waves = List.copyOf(waves);
    regions = List.copyOf(regions);
  }

  /** Only the cells of regions {@code seen} sees (the nation's among them). */
  @Override
  public EstimatesResult within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new EstimatesResult(indicator, nameVi, nameEn, unit, boundaries, by, snapshot, minRespondents,
        protectionLevel, waves,
        seen.filter(mode, regions, RegionCells::region));
  }
}
