package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/** The answer of {@code /api/ranking}: the regions of a map, in rank order. */
public record RankingResult(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("unit") String unit,
    @JsonProperty("year") int year,
    @JsonProperty("level") String level,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("regions") List<RankedValue> regions) implements ScopedAnswer<RankingResult> {
  public RankingResult {
    regions = List.copyOf(regions);
  }

  /**
   * Only the rows of regions {@code seen} sees, each keeping its rank among all the regions of the
   * level and {@code out_of}: a province sees where it stands, not its peers' rows.
   */
  @Override
  public RankingResult within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new RankingResult(indicator, unit, year, level, boundaries, snapshot,
        seen.filter(mode, regions, RankedValue::region));
  }
}
