package vn.danvan.etl.generate;

import java.time.LocalDate;
import vn.danvan.contract.Column;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.landing.XlsxSheet;
import vn.danvan.etl.generate.Plan.Way;

/**
 * The defects a row can be given, each made so the row fails exactly one check: a date moved out
 * of range also moves the region to a unit valid then, a region error keeps the dates, a bad
 * reference is a code nobody defined (the original plus {@code X}, so planted keys stay unique).
 */
final class Ways {
  private Ways() {}

  /** A line with one field too many (the sink writes it; key fields stay readable). */
  static Way malformed() {
    return new Way(Reason.MALFORMED_ROW, (row, era, units, rnd) -> true);
  }

  /** A second copy of a good row in a later file (the emitter writes it). */
  static Way duplicate() {
    return new Way(Reason.DUPLICATE_ID, (row, era, units, rnd) -> true);
  }

  /** One of the given required, non-key columns left empty. */
  static Way missing(Table table, String... columns) {
    int[] at = indexes(table, columns);
    return new Way(Reason.MISSING_VALUE, (row, era, units, rnd) -> {
      int i = at[rnd.nextInt(at.length)];
      row[i] = "";
      return true;
    });
  }

  /** A value that does not parse as its column's type, the way people mistype them. */
  static Way badType(Table table, String... columns) {
    int[] at = indexes(table, columns);
    Column.Type[] types = types(table, at);
    return new Way(Reason.BAD_TYPE, (row, era, units, rnd) -> {
      int k = rnd.nextInt(at.length);
      String v = row[at[k]] == null ? "" : row[at[k]];
      row[at[k]] = switch (types[k]) {
        case DATE, TIMESTAMP -> badDate(v, types[k] == Column.Type.TIMESTAMP, rnd);
        case YEAR -> v.length() == 4 ? v.substring(0, 2) + "l" + v.substring(3) : "20l9";
        case WEIGHT, FRACTION, DECIMAL -> v.isEmpty() ? "1,5" : v.replace('.', ',') + (v.contains(".") ? "" : "a");
        // ("7.000.000", how amounts are often typed in Vietnam, is thousandsGrouped's own way)
        default -> (v.isEmpty() ? "12" : v) + "a";
      };
      return true;
    });
  }

  /**
   * A whole number typed with dots between groups of three digits, as Vietnamese write 4,494
   * ({@code 4.494}, {@code 7.000.250}): in a count or money column, or in a value column whose
   * indicator counts. The last digit is never 0, so that a workbook's numeric cell (4.494 as a
   * number) reads back as the same text.
   */
  static Way thousandsGrouped(Table table, String... columns) {
    int[] at = indexes(table, columns);
    return new Way(Reason.THOUSANDS_SEPARATOR, (row, era, units, rnd) -> {
      int i = at[rnd.nextInt(at.length)];
      String v = row[i];
      if (v == null || !v.matches("\\d+") || !countsWhole(table, row)) {
        return false;
      }
      String digits = v.length() >= 4 && !v.endsWith("0") ? v : v + "251";
      row[i] = grouped(digits);
      return true;
    });
  }

  /** A fraction for an indicator that counts (20.5 gifts): a value column and its indicator. */
  static Way fractional(Table table, String column) {
    int at = index(table, column);
    return new Way(Reason.NOT_WHOLE_NUMBER, (row, era, units, rnd) -> {
      String v = row[at];
      if (v == null || !v.matches("\\d+") || !countsWhole(table, row)) {
        return false;
      }
      row[at] = v + "." + Rng.between(rnd, 1, 9);
      return true;
    });
  }

  /**
   * A cell holding a formula without the result a spreadsheet caches (only a workbook can carry
   * it: {@link TaskOut} plants it in XLSX files alone; the sink writes the marked text as such a
   * formula).
   */
  static Way formulaWithoutResult(Table table, String... columns) {
    int[] at = indexes(table, columns);
    return new Way(Reason.FORMULA_WITHOUT_RESULT, (row, era, units, rnd) -> {
      int i = at[rnd.nextInt(at.length)];
      String v = row[i];
      if (v == null || !v.matches("\\d+")) {
        return false;
      }
      row[i] = XlsxSheet.FORMULA_WITHOUT_RESULT + "=" + v + "-0";
      return true;
    });
  }

  /** Whether the row's values count whole things: its table has no indicator, or its indicator counts. */
  private static boolean countsWhole(Table table, String[] row) {
    int indicator = table.columnNames().indexOf("indicator");
    return indicator < 0 || WHOLE_NUMBER_INDICATORS.contains(row[indicator]);
  }

  private static final java.util.Set<String> WHOLE_NUMBER_INDICATORS =
      vn.danvan.catalogue.IndicatorCatalogue.load().forRowChecks().wholeNumbers();

  /** A date (or timestamp) as people mistype it: month 13, 30 February, or day-first with slashes. */
  private static String badDate(String v, boolean timestamp, java.util.SplittableRandom rnd) {
    String year = v.length() >= 10 ? v.substring(0, 4) : "2019";
    String time = timestamp && v.length() >= 19 ? v.substring(10) : timestamp ? "T09:30:00+07:00" : "";
    return switch (rnd.nextInt(3)) {
      case 0 -> year + "-13-45" + time;
      case 1 -> year + "-02-30" + time;
      default -> (v.length() >= 10 ? v.substring(8, 10) + "/" + v.substring(5, 7) : "31/12") + "/" + year
          + (timestamp && v.length() >= 16 ? " " + v.substring(11, 16) : "");
    };
  }

  /** A value outside the column's closed vocabulary. */
  static Way vocabulary(Table table, String column, String... bad) {
    int at = index(table, column);
    return new Way(Reason.UNKNOWN_VOCABULARY, (row, era, units, rnd) -> {
      row[at] = Rng.any(rnd, bad);
      return true;
    });
  }

  /** A value outside the vocabulary of one of several columns: each entry is column, bad values... */
  static Way vocabularies(Table table, String[]... columnThenBad) {
    int[] at = new int[columnThenBad.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = index(table, columnThenBad[i][0]);
    }
    return new Way(Reason.UNKNOWN_VOCABULARY, (row, era, units, rnd) -> {
      int k = rnd.nextInt(at.length);
      row[at[k]] = columnThenBad[k][Rng.between(rnd, 1, columnThenBad[k].length - 1)];
      return true;
    });
  }

  /** An indicator code the catalogue does not define. */
  static Way unknownIndicator(Table table) {
    int at = index(table, "indicator");
    String[] bad = {"houses_repaired", "conference_count", "gift_value", "models_total", "posts_fb"};
    return new Way(Reason.UNKNOWN_INDICATOR, (row, era, units, rnd) -> {
      row[at] = Rng.any(rnd, bad);
      return true;
    });
  }

  /**
   * An end before its start. Under old units the end moves back (the start, which decides validity,
   * stays); otherwise the start moves after the end, where new units are still valid.
   */
  static Way endBeforeStart(Table table, String startColumn, String endColumn) {
    int start = index(table, startColumn);
    int end = index(table, endColumn);
    return new Way(Reason.DATE_OUT_OF_RANGE, (row, era, units, rnd) -> {
      int from = Dates.day(LocalDate.parse(row[start]));
      int to = row[end] == null || row[end].isEmpty() ? from : Dates.day(LocalDate.parse(row[end]));
      int k = Rng.between(rnd, 1, 30);
      if (era == Era.OLD) {
        row[end] = Dates.iso(from - k);
      } else {
        row[start] = Dates.iso(to + k);
        row[end] = Dates.iso(to);
      }
      return true;
    });
  }

  /** A year after the load date, with a region valid without end so only the date is wrong. */
  static Way futureYear(Table table, String yearColumn, String regionColumn) {
    int year = index(table, yearColumn);
    int region = index(table, regionColumn);
    return new Way(Reason.DATE_OUT_OF_RANGE, (row, era, units, rnd) -> {
      row[year] = "2031";
      row[region] = units.openEndedCode(row[region], rnd);
      return true;
    });
  }

  /**
   * A timestamp after the load date (2032: a leap year, so 29 February stays a date). Never in the
   * past: a post before 2000 would also be before its region existed, a snapshot before its post.
   * With a region column the region becomes one valid without end, so only the date is wrong.
   */
  static Way timestampOutOfRange(Table table, String column, String regionColumn) {
    int at = index(table, column);
    int region = regionColumn == null ? -1 : index(table, regionColumn);
    return new Way(Reason.DATE_OUT_OF_RANGE, (row, era, units, rnd) -> {
      row[at] = "2032" + row[at].substring(4);
      if (region >= 0) {
        row[region] = units.openEndedCode(row[region], rnd);
      }
      return true;
    });
  }

  /** One of the given non-empty count or money columns made negative. */
  static Way negative(Table table, String... columns) {
    int[] at = indexes(table, columns);
    return new Way(Reason.NEGATIVE_VALUE, (row, era, units, rnd) -> {
      int first = rnd.nextInt(at.length);
      for (int k = 0; k < at.length; k++) {
        int i = at[(first + k) % at.length];
        if (row[i] != null && !row[i].isEmpty()) {
          row[i] = row[i].equals("0") ? "-1" : "-" + row[i];
          return true;
        }
      }
      return false;
    });
  }

  static Way nonPositiveWeight(Table table, String column) {
    int at = index(table, column);
    return new Way(Reason.NON_POSITIVE_WEIGHT, (row, era, units, rnd) -> {
      row[at] = Rng.any(rnd, new String[] {"0", "-1", "-0.5"});
      return true;
    });
  }

  /** A code no unit ever had. */
  static Way unknownRegion(Table table, String column) {
    int at = index(table, column);
    return new Way(Reason.UNKNOWN_REGION, (row, era, units, rnd) -> {
      row[at] = units.unknownCode(row[at], rnd);
      return true;
    });
  }

  /** A code of the other era only: an old-only code after the reform, a new-only one before. */
  static Way regionNotValid(Table table, String column) {
    int at = index(table, column);
    return new Way(Reason.REGION_NOT_VALID_ON_DATE, (row, era, units, rnd) -> {
      if (era == null) {
        return false;
      }
      String code = units.otherEraOnly(era, row[at], rnd);
      if (code == null) {
        return false;
      }
      row[at] = code;
      return true;
    });
  }

  /** A campaign, wave or question nobody defined: the original plus X, or a made-up campaign. */
  static Way unknownReference(Table table, String... columns) {
    int[] at = indexes(table, columns);
    return new Way(Reason.UNKNOWN_REFERENCE, (row, era, units, rnd) -> {
      int i = at[rnd.nextInt(at.length)];
      row[i] = row[i] == null || row[i].isEmpty()
          ? "CP-2000-00-" + Rng.between(rnd, 10, 99) : row[i] + "X";
      return true;
    });
  }

  /** A metric snapshot of a post that does not exist. */
  static Way unknownPost(Table table, String column) {
    int at = index(table, column);
    return new Way(Reason.UNKNOWN_POST, (row, era, units, rnd) -> {
      row[at] = row[at] + "X";
      return true;
    });
  }

  private static String grouped(String digits) {
    StringBuilder s = new StringBuilder(digits);
    for (int i = digits.length() - 3; i > 0; i -= 3) {
      s.insert(i, '.');
    }
    return s.toString();
  }

  static int index(Table table, String column) {
    int i = table.columnNames().indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(table.folder() + " has no column " + column);
    }
    return i;
  }

  private static int[] indexes(Table table, String... columns) {
    int[] at = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      at[i] = index(table, columns[i]);
    }
    return at;
  }

  private static Column.Type[] types(Table table, int[] at) {
    Column.Type[] out = new Column.Type[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = table.columns().get(at[i]).type();
    }
    return out;
  }
}
