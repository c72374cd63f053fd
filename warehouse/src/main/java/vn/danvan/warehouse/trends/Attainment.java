package vn.danvan.warehouse.trends;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What was achieved against what was planned, as the reports' "% kế hoạch": the percentage and a
 * met / not-met status for colouring, so that every page draws the 100 % line in the same place.
 *
 * @param achieved the value reached, finite
 * @param target the planned value, finite and &gt; 0 (a percentage of 0 or of a negative plan
 *     means nothing)
 */
public record Attainment(double achieved, double target) {
  /** Whether the target was reached. */
  public enum Status {
    MET,
    NOT_MET
  }

  public Attainment {
    if (!Double.isFinite(achieved)) {
      throw new IllegalArgumentException("achieved must be finite, got " + achieved);
    }
    if (!Double.isFinite(target) || !(target > 0)) {
      throw new IllegalArgumentException("target must be finite and > 0, got " + target);
    }
  }

  /**
   * The attainment, or empty when there is no target or it is 0 (nothing to measure against).
   *
   * @throws IllegalArgumentException when the target is negative or either value not finite
   */
  public static Optional<Attainment> of(double achieved, OptionalDouble target) {
    Objects.requireNonNull(target, "target (use OptionalDouble.empty())");
    if (target.isEmpty() || target.getAsDouble() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Attainment(achieved, target.getAsDouble()));
  }

  /** {@code achieved / target × 100}. */
  public double percent() {
    return achieved / target * 100;
  }

  /** {@link Status#MET} when achieved ≥ target (100 % or more). */
  public Status status() {
    return achieved >= target ? Status.MET : Status.NOT_MET;
  }
}
