package vn.danvan.warehouse.trends;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.contract.Grain;

/**
 * One reporting period, parsed from the labels the reports use: {@code 2019} (year),
 * {@code 2019-H1} (half), {@code 2019-Q3} (quarter) or {@code 2019-07} (month).
 *
 * <p>It exists so that trend arithmetic never works on list positions: {@link #index()} numbers
 * the periods of one grain without gaps, so a missing quarter leaves a hole of 1 in the x values
 * of a regression, and {@link #yearsUntil} measures CAGR spans in real years.
 *
 * @param grain how long the period lasts
 * @param year calendar year, 1000 to 9999 (labels have four digits)
 * @param number position within the year, 1-based: 1 for a year, 1–2 for halves, 1–4 for quarters,
 *     1–12 for months
 */
public record Period(Grain grain, int year, int number) implements Comparable<Period> {
  private static final Pattern LABEL =
      Pattern.compile("(\\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?");
  private static final Comparator<Period> ORDER =
      Comparator.<Period>comparingInt(Period::year)
          .thenComparingInt(Period::startMonth)
          .thenComparing(Period::grain);

  public Period {
    Objects.requireNonNull(grain, "grain");
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits (1000-9999), not " + year);
    }
    if (number < 1 || number > grain.periodsPerYear()) {
      throw new IllegalArgumentException("a " + grain + " period's number must be 1-"
          + grain.periodsPerYear() + ", not " + number);
    }
  }

  /**
   * Parses a label.
   *
   * @throws IllegalArgumentException naming the label when it is not one of the four forms
   */
  public static Period parse(String label) {
    Objects.requireNonNull(label, "label");
    Matcher m = LABEL.matcher(label);
    if (!m.matches()) {
      throw new IllegalArgumentException("period label must be YYYY, YYYY-H1..H2, YYYY-Q1..Q4"
          + " or YYYY-MM, not '" + label + "'");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return new Period(Grain.HALF, year, Integer.parseInt(m.group(2)));
    }
    if (m.group(3) != null) {
      return new Period(Grain.QUARTER, year, Integer.parseInt(m.group(3)));
    }
    if (m.group(4) != null) {
      return new Period(Grain.MONTH, year, Integer.parseInt(m.group(4)));
    }
    return new Period(Grain.YEAR, year, 1);
  }

  public static Period year(int year) {
    return new Period(Grain.YEAR, year, 1);
  }

  /** The label this period parses from, e.g. {@code 2019-Q3}. */
  public String label() {
    return switch (grain) {
      case YEAR -> Integer.toString(year);
      case HALF -> year + "-H" + number;
      case QUARTER -> year + "-Q" + number;
      case MONTH -> String.format("%d-%02d", year, number);
    };
  }

  /**
   * Periods of this grain counted from year 0: consecutive periods differ by exactly 1, so it
   * serves as the x value of a regression. Only comparable between periods of the same grain.
   */
  public long index() {
    return (long) year * grain.periodsPerYear() + (number - 1);
  }

  /** The same period one year earlier (2019-Q3 → 2018-Q3), the base of a year-over-year change. */
  public Period previousYearSame() {
    return new Period(grain, year - 1, number);
  }

  public double lengthInYears() {
    return grain.lengthInYears();
  }

  /**
   * Years from the start of this period to the start of {@code later} (2019-Q1 → 2020-Q3 = 1.5).
   *
   * @throws IllegalArgumentException when the grains differ, since a year and a quarter have no
   *     common index
   */
  public double yearsUntil(Period later) {
    requireSameGrain(later);
    return (double) (later.index() - index()) / grain.periodsPerYear();
  }

  void requireSameGrain(Period other) {
    Objects.requireNonNull(other, "other period");
    if (other.grain != grain) {
      throw new IllegalArgumentException("periods " + label() + " (" + grain + ") and "
          + other.label() + " (" + other.grain + ") have different grains");
    }
  }

  private int startMonth() {
    return (number - 1) * (12 / grain.periodsPerYear()) + 1;
  }

  /** Chronological by start, then longer grains first; consistent with {@code equals}. */
  @Override
  public int compareTo(Period other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return label();
  }
}
