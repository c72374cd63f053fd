package vn.danvan.contract.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Strict parsers of landing text, one per contract type. The load applies them as Spark functions
 * (etl's {@code ParserUdfs}) and {@link RowCheck} applies them to a single row, so a value parses
 * the same way in both. They are plain Java on purpose: written as Spark expressions (a regex guard
 * and a cast per column) the parsing of a wide table became one huge generated method per table,
 * which the JVM spent more time compiling than running. Each returns null for text that is not of
 * its type (the {@code bad_type} check names it).
 */
public final class Parsers {
  private Parsers() {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
  /**
   * Whole numbers; "12.0" (a float printed by a spreadsheet or JSON writer) is 12, but "7.000" is
   * how 7,000 is written in Vietnam, so it is not taken for 7.
   */
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}(\\.0)?");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** ISO {@code yyyy-MM-dd}, a real calendar day. */
  public static LocalDate date(String s) {
    if (s == null || !DATE.matcher(s).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** ISO 8601 with seconds and an offset ({@code Z} or {@code ±hh:mm}): an instant. */
  public static Instant timestamp(String s) {
    if (s == null || !TIMESTAMP.matcher(s).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static Integer year(String s) {
    return s != null && YEAR.matcher(s).matches() ? Integer.valueOf(s) : null;
  }

  public static Long whole(String s) {
    if (s == null || !WHOLE.matcher(s).matches()) {
      return null;
    }
    String digits = s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    return Long.valueOf(digits.startsWith("+") ? digits.substring(1) : digits);
  }

  /** A finite decimal number (1e999 would be Infinity: not a number anybody reported). */
  public static Double number(String s) {
    if (s == null || !NUMBER.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }
}
