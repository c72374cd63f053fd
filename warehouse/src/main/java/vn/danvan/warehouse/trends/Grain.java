package vn.danvan.warehouse.trends;

/**
 * How long one period of a series lasts. Reports arrive yearly, half-yearly, quarterly or monthly;
 * the grain fixes how many periods make a year, which turns per-period figures (regression slopes,
 * index distances) into per-year figures that can be compared across grains.
 */
public enum Grain {
  YEAR(1),
  HALF(2),
  QUARTER(4),
  MONTH(12);

  private final int periodsPerYear;

  Grain(int periodsPerYear) {
    this.periodsPerYear = periodsPerYear;
  }

  public int periodsPerYear() {
    return periodsPerYear;
  }

  /** 1, 0.5, 0.25 or 1/12. */
  public double lengthInYears() {
    return 1.0 / periodsPerYear;
  }
}
