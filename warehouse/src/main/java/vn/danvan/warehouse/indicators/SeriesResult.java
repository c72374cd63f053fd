package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

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
    @JsonProperty("series") List<RegionSeries> series) implements ScopedAnswer<SeriesResult> {
  public SeriesResult {
    Objects.requireNonNull(indicator, "indicator");
    series = List.copyOf(series);
  }

  /** Only the series of regions {@code seen} sees (the nation's among them). */
  @Override
  public SeriesResult within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new SeriesResult(indicator, unit, grain, boundaries, from, to, boundaryChange, snapshot,
        seen.filter(mode, series, RegionSeries::region));
  }
}
