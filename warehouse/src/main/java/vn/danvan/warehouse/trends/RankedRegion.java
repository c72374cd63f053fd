package vn.danvan.warehouse.trends;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One row of a {@link Ranking}: a region, its value and its place among the regions with data.
 *
 * @param region region code
 * @param value its value; empty when the region has no data
 * @param rank 1 for the highest value, shared by ties ("1224"); empty exactly when value is
 * @param outOf how many regions were ranked (the N of "rank 2 of N")
 */
public record RankedRegion(String region, OptionalDouble value, OptionalInt rank, int outOf) {
  public RankedRegion {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(value, "value (use OptionalDouble.empty())");
    Objects.requireNonNull(rank, "rank (use OptionalInt.empty())");
    if (value.isPresent() != rank.isPresent()) {
      throw new IllegalArgumentException("region " + region + ": a rank is given exactly when"
          + " there is a value, got value " + value + " and rank " + rank);
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException("value of region " + region + " must be finite, got "
          + value.getAsDouble());
    }
    if (outOf < 0) {
      throw new IllegalArgumentException("outOf must be ≥ 0, got " + outOf);
    }
    if (rank.isPresent() && (rank.getAsInt() < 1 || rank.getAsInt() > outOf)) {
      throw new IllegalArgumentException("region " + region + ": rank must be 1-" + outOf
          + ", got " + rank.getAsInt());
    }
  }

  /**
   * Share of the other ranked regions that are not ranked above this one, in percent:
   * {@code (outOf − rank) / (outOf − 1) × 100}. The top is 100, the bottom 0, tied regions share a
   * percentile; a region ranked alone is 100. Empty for a region without data.
   */
  public OptionalDouble percentile() {
    if (rank.isEmpty()) {
      return OptionalDouble.empty();
    }
    if (outOf == 1) {
      return OptionalDouble.of(100);
    }
    return OptionalDouble.of(100.0 * (outOf - rank.getAsInt()) / (outOf - 1));
  }
}
