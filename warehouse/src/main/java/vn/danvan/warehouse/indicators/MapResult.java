package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code /api/map}: one figure (or none) per region of a level in one year. */
public record MapResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("unit") String unit,
    @JsonProperty("year") int year,
    @JsonProperty("level") String level,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("values") List<MapValue> values) {
  public MapResult {
    values = List.copyOf(values);
  }
}
