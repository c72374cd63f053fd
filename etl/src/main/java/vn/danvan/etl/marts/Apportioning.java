package vn.danvan.etl.marts;

import java.util.Locale;

/**
 * How a pre-2025 unit's figure was shared out onto the 2025 units it went into (docs/marts.md),
 * from the most precise to the least: a figure built from several carries the least precise of
 * its parts. The lineage tables and the rolled-up rows hold it as its {@link #rank()} (the
 * {@code mrank} column); the mart writes {@code exact} and {@code method} from it.
 */
enum Apportioning {
  /** Moved whole: one full link, or nothing shared out at all. */
  EXACT,
  /** Split by the weights the lineage states. */
  WEIGHT,
  /** Split by the new units' latest population. */
  POPULATION,
  /** Split into equal parts. */
  EQUAL;

  /** 0 for {@link #EXACT} up to 3 for {@link #EQUAL}: larger is less precise. */
  int rank() {
    return ordinal();
  }

  static Apportioning ofRank(int rank) {
    return values()[rank];
  }

  /** The less precise of the two. */
  Apportioning leastPrecise(Apportioning other) {
    return rank() >= other.rank() ? this : other;
  }

  /** The mart's {@code method}: {@code weight}, {@code population} or {@code equal}; none when exact. */
  String method() {
    return this == EXACT ? null : name().toLowerCase(Locale.ROOT);
  }
}
