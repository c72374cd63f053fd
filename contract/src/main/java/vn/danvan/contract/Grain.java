package vn.danvan.contract;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How long one period of a series lasts: the calendar grains of the marts, nested month ⊂ quarter
 * ⊂ half ⊂ year. Reports arrive yearly, half-yearly, quarterly or monthly; the grain fixes how many
 * periods make a year, which turns per-period figures (regression slopes, index distances) into
 * per-year figures that can be compared across grains.
 */
public enum Grain implements Coded {
  YEAR(1, 3),
  HALF(2, 2),
  QUARTER(4, 1),
  MONTH(12, 0);

  /** The coarseness of a dated record (an activity's day, a post's day): finer than any grain. */
  public static final int DAY_RANK = -1;

  private final int periodsPerYear;
  private final int rank;

  Grain(int periodsPerYear, int rank) {
    this.periodsPerYear = periodsPerYear;
    this.rank = rank;
  }

  /** {@code year}, {@code half}, {@code quarter}, {@code month}: the marts' {@code grain} column. */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int periodsPerYear() {
    return periodsPerYear;
  }

  /** 1, 0.5, 0.25 or 1/12. */
  public double lengthInYears() {
    return 1.0 / periodsPerYear;
  }

  /**
   * Coarseness, as the marts compute with it: month 0, quarter 1, half 2, year 3; a coarser grain
   * has a larger rank, and every grain of a larger rank holds whole periods of the smaller ones.
   */
  public int rank() {
    return rank;
  }

  /** The grain of a rank. */
  public static Grain ofRank(int rank) {
    for (Grain g : values()) {
      if (g.rank == rank) {
        return g;
      }
    }
    throw new IllegalArgumentException("no grain of rank " + rank);
  }

  /** The first day of the period of this grain that holds {@code date}. */
  public LocalDate periodStart(LocalDate date) {
    return switch (this) {
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case HALF -> LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
      case YEAR -> LocalDate.of(date.getYear(), 1, 1);
    };
  }
}
