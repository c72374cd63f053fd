package vn.danvan.warehouse.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Regions ordered by one indicator, highest first, for league tables ("xếp hạng"). Ties share the
 * better rank and the next rank is skipped (standard competition ranking, "1224"), so two
 * provinces with equal results are never shown as first and second. Regions without data are
 * listed after the ranked ones, unranked, so a missing report is visible instead of silently
 * dropped, and is never ranked last as if it were 0.
 *
 * @param regions ranked regions by rank (ties by region code), then regions without data by code
 */
public record Ranking(List<RankedRegion> regions) {
  private static final Comparator<Map.Entry<String, OptionalDouble>> BY_VALUE_DESC =
      Comparator.<Map.Entry<String, OptionalDouble>>comparingDouble(
              e -> e.getValue().getAsDouble())
          .reversed()
          .thenComparing(Map.Entry::getKey);

  public Ranking {
    regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
  }

  /**
   * Ranks the regions, highest value first.
   *
   * @param valueByRegion region code → value; an empty value means the region has no data
   */
  public static Ranking descending(Map<String, OptionalDouble> valueByRegion) {
    Objects.requireNonNull(valueByRegion, "valueByRegion");
    List<Map.Entry<String, OptionalDouble>> withData = new ArrayList<>();
    List<String> withoutData = new ArrayList<>();
    valueByRegion.forEach((region, value) -> {
      Objects.requireNonNull(region, "region code");
      Objects.requireNonNull(value, "value of region " + region + " (use OptionalDouble.empty())");
      if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
        throw new IllegalArgumentException("value of region " + region + " must be finite, got "
            + value.getAsDouble());
      }
      if (value.isPresent()) {
        withData.add(Map.entry(region, value));
      } else {
        withoutData.add(region);
      }
    });
    withData.sort(BY_VALUE_DESC);
    withoutData.sort(Comparator.naturalOrder());

    int outOf = withData.size();
    List<RankedRegion> rows = new ArrayList<>(valueByRegion.size());
    int rank = 0;
    for (int i = 0; i < withData.size(); i++) {
      double value = withData.get(i).getValue().getAsDouble();
      if (i == 0 || value != withData.get(i - 1).getValue().getAsDouble()) {
        rank = i + 1;
      }
      rows.add(new RankedRegion(withData.get(i).getKey(), OptionalDouble.of(value),
          OptionalInt.of(rank), outOf));
    }
    for (String region : withoutData) {
      rows.add(new RankedRegion(region, OptionalDouble.empty(), OptionalInt.empty(), outOf));
    }
    return new Ranking(rows);
  }

  /** How many regions have data and a rank. */
  public int rankedCount() {
    return (int) regions.stream().filter(r -> r.rank().isPresent()).count();
  }

  /** The row of {@code region}, empty when it was not among the inputs. */
  public Optional<RankedRegion> find(String region) {
    Objects.requireNonNull(region, "region");
    return regions.stream().filter(r -> r.region().equals(region)).findFirst();
  }
}
