package vn.danvan.warehouse.regions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code /api/regions/{code}}: the region, its ancestors from the nation down (the
 * breadcrumb) and its children, in one boundary mode of one snapshot.
 */
public record RegionProfile(
    @JsonProperty("region") RegionRef region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("ancestors") List<RegionRef> ancestors,
    @JsonProperty("children") List<RegionRef> children) {
  public RegionProfile {
    Objects.requireNonNull(region, "region");
    ancestors = List.copyOf(ancestors);
    children = List.copyOf(children);
  }
}
