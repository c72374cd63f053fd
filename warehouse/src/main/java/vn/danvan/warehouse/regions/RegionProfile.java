package vn.danvan.warehouse.regions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/**
 * The answer of {@code /api/regions/{code}}: the region, its ancestors from the nation down (the
 * breadcrumb) and its children, in one boundary mode of one snapshot.
 */
public record RegionProfile(
    @JsonProperty("region") RegionRef region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("ancestors") List<RegionRef> ancestors,
    @JsonProperty("children") List<RegionRef> children) implements ScopedAnswer<RegionProfile> {
  public RegionProfile {
    Objects.requireNonNull(region, "region");
    ancestors = List.copyOf(ancestors);
    children = List.copyOf(children);
  }

  /**
   * The region (which the query checked against the scope) with only the children {@code seen}
   * sees; the breadcrumb keeps the names of the region's ancestors.
   */
  @Override
  public RegionProfile within(Visibility seen) {
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new RegionProfile(region, boundaries, snapshot, ancestors, seen.filter(mode, children, RegionRef::code));
  }
}
