package vn.danvan.contract.checks;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Strict parsers of landing text, one per contract type. The load applies them as Spark functions
 * (etl's {@code ParserUdfs}) and {@link RowCheck} applies them to a single row, so a value parses
 * the same way in both. They are plain Java on purpose: written as Spark expressions (a regex guard
 * and a cast per column) the parsing of a wide table became one huge generated method per table,
 * which the JVM spent more time compiling than running. Each returns null for text that is not of
 * its type (the {@code bad_type} check names it).
 *
 * <p>Each reads its text character by character rather than through a regular expression and a
 * {@code java.time} formatter: the load calls them for every cell of every typed column (tens of
 * millions at scale 20), where a matcher and a formatter cost more than the whole check. The shapes
 * they accept are given as regular expressions on each method ({@code \d} is an ASCII digit);
 * {@code ParsersTest} holds them to those expressions on generated text.
 */
public final class Parsers {
  private Parsers() {}

  /** ISO {@code yyyy-MM-dd}, a real calendar day: {@code \d{4}-\d{2}-\d{2}}. */
  public static LocalDate date(String s) {
    return s == null || s.length() != 10 ? null : dateAt(s);
  }

  /** The day written in the first ten characters of {@code s} (at least ten long), or null. */
  private static LocalDate dateAt(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * ISO 8601 with seconds and an offset, an instant:
   * {@code \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})}, each field in its
   * range (hours 0–23, an offset of at most 18 hours).
   */
  public static Instant timestamp(String s) {
    if (s == null || s.length() < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    LocalDate date = dateAt(s);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (date == null || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (s.charAt(at) == '.') {
      int end = at + 1;
      while (end < s.length() && isDigit(s.charAt(end))) {
        end++;
      }
      int n = end - at - 1;
      if (n < 1 || n > 9) {
        return null;
      }
      nanos = digits(s, at + 1, end);
      for (int i = n; i < 9; i++) {
        nanos *= 10;
      }
      at = end;
    }
    ZoneOffset offset = offset(s, at);
    if (offset == null) {
      return null;
    }
    try {
      return date.atTime(hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code Z} or {@code [+-]\d{2}:\d{2}} from {@code at} to the end of the text. */
  private static ZoneOffset offset(String s, int at) {
    if (s.length() == at + 1 && s.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (s.length() != at + 6 || s.charAt(at + 3) != ':') {
      return null;
    }
    char sign = s.charAt(at);
    int hours = digits(s, at + 1, at + 3);
    int minutes = digits(s, at + 4, at + 6);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
      return null;
    }
    try {
      return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
          : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Four digits: {@code \d{4}}. */
  public static Integer year(String s) {
    if (s == null || s.length() != 4) {
      return null;
    }
    int year = digits(s, 0, 4);
    return year < 0 ? null : year;
  }

  /**
   * Whole numbers, {@code [+-]?\d{1,18}(\.0)?}; "12.0" (a float printed by a spreadsheet or JSON
   * writer) is 12, but "7.000" is how 7,000 is written in Vietnam, so it is not taken for 7.
   */
  public static Long whole(String s) {
    if (s == null) {
      return null;
    }
    int end = s.endsWith(".0") ? s.length() - 2 : s.length();
    int at = end > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (end - at < 1 || end - at > 18) {
      return null;
    }
    long value = 0;
    for (int i = at; i < end; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return s.charAt(0) == '-' ? -value : value;
  }

  /**
   * A finite decimal number, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?} (1e999 would be
   * Infinity: not a number anybody reported).
   */
  public static Double number(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int at = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    int whole = 0;
    while (at < n && isDigit(s.charAt(at))) {
      at++;
      whole++;
    }
    int fraction = 0;
    boolean dot = at < n && s.charAt(at) == '.';
    if (dot) {
      at++;
      while (at < n && isDigit(s.charAt(at))) {
        at++;
        fraction++;
      }
    }
    if (whole == 0 && fraction == 0) {
      return null;
    }
    if (at < n && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
      at++;
      if (at < n && (s.charAt(at) == '+' || s.charAt(at) == '-')) {
        at++;
      }
      int exponent = 0;
      while (at < n && isDigit(s.charAt(at))) {
        at++;
        exponent++;
      }
      if (exponent < 1 || exponent > 3) {
        return null;
      }
    }
    if (at != n) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}; -1 if one is not. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
