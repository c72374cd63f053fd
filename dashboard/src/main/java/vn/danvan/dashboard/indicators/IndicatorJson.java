package vn.danvan.dashboard.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.RecordFormula;
import vn.danvan.catalogue.ReportSource;

/** An indicator as {@code /api/indicators} shows it: the catalogue's own snake_case names. */
public record IndicatorJson(
    @JsonProperty("code") String code,
    @JsonProperty("name_vi") String nameVi,
    @JsonProperty("name_en") String nameEn,
    @JsonProperty("unit") String unit,
    @JsonProperty("computation") String computation,
    @JsonProperty("reports") String reports,
    @JsonProperty("records") String records,
    @JsonProperty("source_tables") List<String> sourceTables,
    @JsonProperty("definition_version") int definitionVersion,
    @JsonProperty("valid_from") String validFrom) {

  static IndicatorJson of(Indicator i) {
    return new IndicatorJson(i.code(), i.nameVi(), i.nameEn(), i.unit(), i.computation(),
        i.reports().map(ReportSource::toString).orElse(null),
        i.records().map(RecordFormula::text).orElse(null), i.sourceTables(), i.definitionVersion(),
        i.validFrom().toString());
  }
}
