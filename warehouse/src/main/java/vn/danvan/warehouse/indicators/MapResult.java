package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/** The answer of {@code /api/map}: one figure (or none) per region of a level in one year. */
public record MapResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("unit") String unit,
    @JsonProperty("year") int year,
    @JsonProperty("level") String level,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("values") List<MapValue> values) implements ScopedAnswer<MapResult> {
  public MapResult {
    values = List.copyOf(values);
  }

  /** Only the regions {@code seen} sees. */
  @Override
  public MapResult within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new MapResult(indicator, unit, year, level, boundaries, snapshot, seen.filter(mode, values, MapValue::region));
  }
}
