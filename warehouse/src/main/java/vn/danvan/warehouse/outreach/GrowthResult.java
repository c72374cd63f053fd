package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

/** The answer of {@code /api/outreach/growth}: a curve (four points) per breakdown value. */
public record GrowthResult(
    @JsonProperty("by") String by,
    @JsonProperty("region") String region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("points") List<GrowthPoint> points) implements ScopedAnswer<GrowthResult> {
  public GrowthResult {
    points = List.copyOf(points);
  }

  /** The posts are those of {@code region}, which the query checked against the scope. */
  @Override
  public GrowthResult within(Visibility seen) {
    return this;
  }
}
