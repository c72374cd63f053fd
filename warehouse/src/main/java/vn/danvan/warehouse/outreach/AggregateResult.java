package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The answer of {@code /api/outreach/aggregates}: one row per period and breakdown value. */
public record AggregateResult(
    @JsonProperty("by") String by,
    @JsonProperty("level") String level,
    @JsonProperty("grain") String grain,
    @JsonProperty("region") String region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("rows") List<Aggregate> rows) {
  public AggregateResult {
    Objects.requireNonNull(by, "by");
    rows = List.copyOf(rows);
  }
}
