package vn.danvan.etl.marts;

import java.io.Serializable;

/**
 * A figure of the roll-up with what went into it: whether a report and whether records did
 * (the mart's {@code source}), and the least precise {@link Apportioning} used on the way.
 */
final class Figure implements Serializable {
  private static final long serialVersionUID = 1L;

  double value;
  boolean fromReport;
  boolean fromRecords;
  Apportioning apportioning = Apportioning.EXACT;

  /** Adds {@code share} of {@code part}, which reached here through {@code link}. */
  Figure add(Figure part, double share, Apportioning link) {
    value += part.value * share;
    fromReport |= part.fromReport;
    fromRecords |= part.fromRecords;
    apportioning = apportioning.leastPrecise(part.apportioning).leastPrecise(link);
    return this;
  }

  /** Adds all of {@code part}. */
  Figure add(Figure part) {
    return add(part, 1.0, Apportioning.EXACT);
  }
}
