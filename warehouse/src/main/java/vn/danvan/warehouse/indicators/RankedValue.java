package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.danvan.warehouse.trends.RankedRegion;

/** One region's place: rank 1 is the highest value, ties share a rank; no data, no rank. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankedValue(
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("value") Double value,
    @JsonProperty("rank") Integer rank,
    @JsonProperty("out_of") int outOf,
    @JsonProperty("percentile") Double percentile) {

  static RankedValue of(RankedRegion r, String name) {
    return new RankedValue(r.region(), name, r.value().isPresent() ? r.value().getAsDouble() : null,
        r.rank().isPresent() ? r.rank().getAsInt() : null, r.outOf(),
        r.percentile().isPresent() ? r.percentile().getAsDouble() : null);
  }
}
