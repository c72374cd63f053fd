package vn.danvan.warehouse.regions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code /api/regions}: regions of one mode, filtered by level and parent. */
public record RegionList(
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("regions") List<RegionRef> regions) {
  public RegionList {
    regions = List.copyOf(regions);
  }
}
