package vn.danvan.warehouse.trends;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A value per {@value #PER} inhabitants, so that a province of two million and a commune of eight
 * thousand can be compared. Population is known by year only; a quarter or month uses the
 * population of its calendar year.
 *
 * @param period when
 * @param value the indicator's value
 * @param population inhabitants in the period's year, ≥ 0; empty when unknown
 */
public record PerCapita(Period period, double value, OptionalLong population) {
  public static final int PER = 10_000;

  public PerCapita {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(population, "population (use OptionalLong.empty())");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value for " + period + " must be finite, not " + value);
    }
    if (population.isPresent() && population.getAsLong() < 0) {
      throw new IllegalArgumentException("population for " + period + " must be ≥ 0, got "
          + population.getAsLong());
    }
  }

  /**
   * One entry per point of the series, in order.
   *
   * @param populationByYear inhabitants by calendar year; a missing year (or a null value) means
   *     unknown
   */
  public static List<PerCapita> of(Series series, Map<Integer, Long> populationByYear) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(populationByYear, "populationByYear");
    return series.points().stream()
        .map(p -> {
          Long people = populationByYear.get(p.period().year());
          return new PerCapita(p.period(), p.value(),
              people == null ? OptionalLong.empty() : OptionalLong.of(people));
        })
        .toList();
  }

  /** {@code value / population × 10,000}; empty when the population is unknown or 0. */
  public OptionalDouble per10k() {
    if (population.isEmpty() || population.getAsLong() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value / population.getAsLong() * PER);
  }
}
