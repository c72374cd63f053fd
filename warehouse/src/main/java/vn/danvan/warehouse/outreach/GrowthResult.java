package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code /api/outreach/growth}: a curve (four points) per breakdown value. */
public record GrowthResult(
    @JsonProperty("by") String by,
    @JsonProperty("region") String region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("points") List<GrowthPoint> points) {
  public GrowthResult {
    points = List.copyOf(points);
  }
}
