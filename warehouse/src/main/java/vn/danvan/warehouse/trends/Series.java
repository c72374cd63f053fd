package vn.danvan.warehouse.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import vn.danvan.contract.Grain;

/**
 * The time series of one indicator for one region: points of a single grain, at most one per
 * period, kept in chronological order. Gaps are allowed and stay gaps.
 *
 * <p>The checks live here, once, so that every calculation in this package can trust its input:
 * mixing a yearly total with quarterly values, or two values for one quarter, is a caller's bug
 * that would otherwise surface as a plausible but wrong trend.
 */
public final class Series {
  private final List<Point> points;
  private final Map<Period, Double> byPeriod;

  private Series(List<Point> points) {
    List<Point> sorted = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      sorted.add(Objects.requireNonNull(points.get(i), "point " + i));
    }
    sorted.sort(Comparator.comparing(Point::period));
    Map<Period, Double> lookup = new HashMap<>();
    for (Point p : sorted) {
      sorted.get(0).period().requireSameGrain(p.period());
      if (lookup.put(p.period(), p.value()) != null) {
        throw new IllegalArgumentException("period " + p.period() + " appears more than once");
      }
    }
    this.points = List.copyOf(sorted);
    this.byPeriod = Map.copyOf(lookup);
  }

  /** A series from points in any order. */
  public static Series of(List<Point> points) {
    return new Series(Objects.requireNonNull(points, "points"));
  }

  public static Series of(Point... points) {
    return of(List.of(points));
  }

  /** Points in chronological order. */
  public List<Point> points() {
    return points;
  }

  public int size() {
    return points.size();
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** The grain shared by all points; empty for an empty series. */
  public Optional<Grain> grain() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(0).period().grain());
  }

  /** The value observed in {@code period}, empty when there is no point for it. */
  public OptionalDouble valueAt(Period period) {
    Double v = byPeriod.get(Objects.requireNonNull(period, "period"));
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  public Optional<Point> first() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(0));
  }

  public Optional<Point> last() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s && points.equals(s.points);
  }

  @Override
  public int hashCode() {
    return points.hashCode();
  }

  @Override
  public String toString() {
    return "Series" + points;
  }
}
