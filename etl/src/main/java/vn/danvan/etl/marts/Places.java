package vn.danvan.etl.marts;

import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;

/**
 * Where a figure of the roll-up is, packed into one non-negative {@code int} that an {@link IdMap}
 * keys: the region's {@link RegionTrees} id, its level and the boundary mode. The tree walk adds
 * millions of figures into their places; keyed by records of three strings in a {@code HashMap},
 * hashing and finding them took a sixth of the roll-up's CPU samples (scale 20's activities), and
 * the roll-up stage took 145.2 CPU-s, 125.7 with the ints. The strings are made once per output
 * row ({@link Rollup}).
 */
final class Places {
  private Places() {}

  /** The id of the whole country, which no tree holds (ids of codes stay far below it). */
  static final int NATION = (1 << 28) - 1;

  private static final Level[] LEVELS = Level.values();
  private static final Boundaries[] MODES = {Boundaries.REPORTED, Boundaries.RESTATED_2025};

  static int of(Boundaries mode, Level level, int id) {
    if (id < 0 || id > NATION) {
      throw new IllegalArgumentException("region id out of range: " + id);
    }
    return id << 3 | level.ordinal() << 1 | (mode == Boundaries.REPORTED ? 0 : 1);
  }

  static int id(int place) {
    return place >>> 3;
  }

  static Level level(int place) {
    return LEVELS[place >>> 1 & 3];
  }

  static Boundaries mode(int place) {
    return MODES[place & 1];
  }
}
