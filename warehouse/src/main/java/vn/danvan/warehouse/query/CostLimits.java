package vn.danvan.warehouse.query;

import java.util.Locale;
import vn.danvan.contract.Grain;

/**
 * How much work one read may ask for, estimated from its parameters before the read's main query
 * runs, in one place. A request past a limit is refused with a 400 naming the limit and the figure
 * asked, in well under a millisecond, instead of holding a warehouse connection and hundreds of
 * megabytes of heap for seconds: on the unbounded server, 76 regions × 1,100 years of months was a
 * 21.5 MB answer that took 13 s and 0.9 GB.
 *
 * <p>Each limit is well above the largest request the pages make (the reason is given with each),
 * so that only hand-made requests meet them.
 */
public final class CostLimits {
  /**
   * First year a request may name: the Democratic Republic's founding; no outreach report or
   * survey of the lake is older.
   */
  public static final int FIRST_YEAR = 1945;
  /** Last year a request may name: far beyond any plan's target year. */
  public static final int LAST_YEAR = 2100;
  /**
   * Regions one series or survey request may name: the 63 provinces before the reform and the
   * nation, with room; the Trends page stops at 40.
   */
  public static final int MAX_REGIONS = 100;
  /**
   * Cells of one series answer (regions × periods) or one outreach aggregate (periods × breakdown
   * values). The Trends page's largest: 40 regions × 11 years × 12 months = 5,280; the Outreach
   * page's: the ~170 communes of the largest 2025 province × 132 months ≈ 22,000. 50,000 cells are
   * about 5 MB of JSON.
   */
  public static final long MAX_CELLS = 50_000;
  /**
   * Region-waves of one survey request (regions × waves asked): the Survey page's map asks 63
   * provinces and the nation in one wave, its trend one region in every wave. Each region-wave is
   * up to a few dozen cells (options × strata).
   */
  public static final long MAX_SURVEY_REGION_WAVES = 1_000;
  /**
   * Cells of one exported table (rows × columns): every commune before the reform (~10,600) with
   * 40 columns. The workbook is streamed, but the body is held whole while it is written.
   */
  public static final long MAX_EXPORT_CELLS = 500_000;

  private CostLimits() {}

  /**
   * @throws InvalidParameterException naming {@code parameter} when {@code year} is outside
   *     {@value #FIRST_YEAR}..{@value #LAST_YEAR}
   */
  public static void checkYear(String parameter, int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidParameterException(parameter, "a year is YYYY between " + FIRST_YEAR + " and "
          + LAST_YEAR + ", not " + year);
    }
  }

  /** @throws InvalidParameterException when more than {@value #MAX_REGIONS} regions are named */
  public static void checkRegionCount(String parameter, int regions) {
    if (regions > MAX_REGIONS) {
      throw new InvalidParameterException(parameter, "at most " + MAX_REGIONS + " regions per request, not "
          + regions);
    }
  }

  /**
   * A series of {@code regions} regions over {@code years} years at {@code grain}.
   *
   * @throws InvalidParameterException past {@link #MAX_CELLS}
   */
  public static void checkSeries(int regions, long years, Grain grain) {
    long periods = years * grain.periodsPerYear();
    long cells = regions * periods;
    if (cells > MAX_CELLS) {
      throw refused("region × period", count(regions, "region", "regions") + " × "
          + count(periods, grain) + " = " + number(cells) + " cells", MAX_CELLS,
          "ask fewer regions, a shorter span (from, to) or a coarser grain");
    }
  }

  /**
   * An outreach aggregate over {@code years} years at {@code grain}, broken down into at most
   * {@code breakdown} values of {@code by}.
   *
   * @throws InvalidParameterException past {@link #MAX_CELLS}
   */
  public static void checkOutreach(long years, Grain grain, long breakdown, String by) {
    long periods = years * grain.periodsPerYear();
    long cells = periods * breakdown;
    if (cells > MAX_CELLS) {
      throw refused("period × breakdown", count(periods, grain) + " × " + number(breakdown) + " values of "
          + by + " = " + number(cells) + " cells", MAX_CELLS,
          "ask a shorter span (from, to or period), a coarser grain or a higher level");
    }
  }

  /**
   * Survey estimates for {@code regions} regions in {@code waves} waves.
   *
   * @throws InvalidParameterException past {@link #MAX_SURVEY_REGION_WAVES}
   */
  public static void checkSurvey(int regions, long waves) {
    long asked = regions * waves;
    if (asked > MAX_SURVEY_REGION_WAVES) {
      throw refused("region × wave", count(regions, "region", "regions") + " × " + count(waves, "wave", "waves")
          + " = " + number(asked) + " region-waves", MAX_SURVEY_REGION_WAVES, "ask one wave (wave=) or fewer regions");
    }
  }

  /**
   * An exported table of {@code rows} rows and {@code columns} columns.
   *
   * @throws InvalidParameterException past {@link #MAX_EXPORT_CELLS}
   */
  public static void checkExport(long rows, long columns) {
    long cells = rows * columns;
    if (cells > MAX_EXPORT_CELLS) {
      throw refused("rows × columns", count(rows, "row", "rows") + " × " + count(columns, "column", "columns")
          + " = " + number(cells) + " cells", MAX_EXPORT_CELLS, "export a filtered table");
    }
  }

  private static InvalidParameterException refused(String limit, String asked, long max, String advice) {
    return new InvalidParameterException(limit, asked + "; the limit is " + number(max) + " (" + advice + ")");
  }

  private static String count(long n, Grain grain) {
    return switch (grain) {
      case YEAR -> count(n, "year", "years");
      case HALF -> count(n, "half-year", "half-years");
      case QUARTER -> count(n, "quarter", "quarters");
      case MONTH -> count(n, "month", "months");
    };
  }

  private static String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
