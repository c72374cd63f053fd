package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Visibility;

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
    @JsonProperty("rows") List<Aggregate> rows) implements ScopedAnswer<AggregateResult> {
  public AggregateResult {
    Objects.requireNonNull(by, "by");
    rows = List.copyOf(rows);
  }

  /**
   * The posts counted are those of {@code region}, which the query checked against the scope; a
   * breakdown by region keeps only the regions {@code seen} sees.
   */
  @Override
  public AggregateResult within(Visibility seen) {
    if (!by.equals(Dimension.REGION.code())) {
      return this;
    }
    Boundaries mode = Coded.find(boundaries, Boundaries.values()).orElseThrow();
    return new AggregateResult(by, level, grain, region, boundaries, from, to, snapshot,
        seen.filter(mode, rows, Aggregate::key));
  }
}
