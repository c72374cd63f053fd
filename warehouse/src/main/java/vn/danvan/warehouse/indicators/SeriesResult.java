package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The answer of {@code /api/series}: one indicator, its unit, and a series per region asked for. */
public record SeriesResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("unit") String unit,
    @JsonProperty("grain") String grain,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") int from,
    @JsonProperty("to") int to,
    @JsonProperty("boundary_change") String boundaryChange,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("series") List<RegionSeries> series) {
  public SeriesResult {
    Objects.requireNonNull(indicator, "indicator");
    series = List.copyOf(series);
  }
}
