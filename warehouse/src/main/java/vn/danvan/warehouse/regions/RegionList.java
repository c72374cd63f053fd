package vn.danvan.warehouse.regions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/** The answer of {@code /api/regions}: regions of one mode, filtered by level and parent. */
public record RegionList(
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("regions") List<RegionRef> regions) implements ScopedAnswer<RegionList> {
  public RegionList {
    regions = List.copyOf(regions);
  }

  /** Only the regions {@code seen} sees. */
  @Override
  public RegionList within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new RegionList(boundaries, snapshot, seen.filter(mode, regions, RegionRef::code));
  }
}
