package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code /api/ranking}: the regions of a map, in rank order. */
public record RankingResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("unit") String unit,
    @JsonProperty("year") int year,
    @JsonProperty("level") String level,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("regions") List<RankedValue> regions) {
  public RankingResult {
    regions = List.copyOf(regions);
  }
}
