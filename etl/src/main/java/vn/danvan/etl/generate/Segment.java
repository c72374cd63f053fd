package vn.danvan.etl.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.danvan.contract.Boundaries;

/**
 * The part of one calendar year lived under one set of units: a whole year before the reform, or
 * 2025's first half (old units) and second half (new units). Every dated record is drawn inside one
 * segment, so its region code is valid on its date by construction.
 *
 * @param from first day (epoch day), included
 * @param to last day (epoch day), included
 */
record Segment(int year, Era era, int from, int to) {
  static final int REFORM = Dates.day(Boundaries.REFORM);

  Segment {
    Objects.requireNonNull(era, "era");
    if (to < from) {
      throw new IllegalArgumentException("segment " + year + " ends before it starts");
    }
  }

  /** The segments of {@code year}: one before 2025, two in 2025 (split on 2025-07-01). */
  static List<Segment> of(int year) {
    int jan1 = Dates.day(year, 1, 1);
    int dec31 = Dates.day(year, 12, 31);
    if (dec31 < REFORM) {
      return List.of(new Segment(year, Era.OLD, jan1, dec31));
    }
    if (jan1 >= REFORM) {
      return List.of(new Segment(year, Era.NEW, jan1, dec31));
    }
    return List.of(new Segment(year, Era.OLD, jan1, REFORM - 1),
        new Segment(year, Era.NEW, REFORM, dec31));
  }

  /** Share of the year this segment covers: volumes are drawn in proportion. */
  double fraction() {
    return (to - from + 1) / (double) (LocalDate.of(year, 12, 31).getDayOfYear());
  }

  /** A short name for files and ids, e.g. {@code 2025b}. */
  String tag() {
    return year + (era == Era.OLD ? "a" : "b");
  }

  int days() {
    return to - from + 1;
  }
}
