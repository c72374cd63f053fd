package vn.danvan.etl.generate;

import java.time.LocalDate;

/**
 * Dates as epoch-day integers and their ISO text. Millions of rows carry a date, so the text of
 * every day the generator uses is built once; timestamps are assembled by hand for the same reason.
 *
 * <p>Local time is Vietnam time (UTC+07:00, no daylight saving), the zone the contract assigns
 * periods in. A timestamp is held as "local seconds" (seconds since 1970-01-01T00:00 local) and
 * written with whatever offset the writer chose; the instant is the same.
 */
final class Dates {
  private Dates() {}

  static final int LOCAL_OFFSET_MINUTES = 7 * 60;
  private static final int FIRST = (int) LocalDate.of(2000, 1, 1).toEpochDay();
  private static final int LAST = (int) LocalDate.of(2032, 12, 31).toEpochDay();
  private static final String[] ISO = new String[LAST - FIRST + 1];

  static {
    for (int d = FIRST; d <= LAST; d++) {
      ISO[d - FIRST] = LocalDate.ofEpochDay(d).toString();
    }
  }

  static int day(int year, int month, int dayOfMonth) {
    return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  static int day(LocalDate date) {
    return (int) date.toEpochDay();
  }

  /** {@code yyyy-MM-dd}. */
  static String iso(int epochDay) {
    return epochDay >= FIRST && epochDay <= LAST ? ISO[epochDay - FIRST]
        : LocalDate.ofEpochDay(epochDay).toString();
  }

  /** Local seconds of a local day and second of that day. */
  static long localSeconds(int epochDay, int secondOfDay) {
    return epochDay * 86_400L + secondOfDay;
  }

  /** The local (Vietnam) day of local seconds. */
  static int localDay(long localSeconds) {
    return (int) Math.floorDiv(localSeconds, 86_400L);
  }

  /**
   * ISO 8601 text of a local instant written with {@code offsetMinutes} (0 is written {@code Z}),
   * e.g. local 2025-07-01 00:20 with offset 0 is {@code 2025-06-30T17:20:00Z}.
   */
  static String timestamp(long localSeconds, int offsetMinutes) {
    long shifted = localSeconds + (offsetMinutes - LOCAL_OFFSET_MINUTES) * 60L;
    int day = (int) Math.floorDiv(shifted, 86_400L);
    int sec = (int) Math.floorMod(shifted, 86_400L);
    StringBuilder s = new StringBuilder(25);
    s.append(iso(day)).append('T');
    two(s, sec / 3600).append(':');
    two(s, sec / 60 % 60).append(':');
    two(s, sec % 60);
    if (offsetMinutes == 0) {
      return s.append('Z').toString();
    }
    int abs = Math.abs(offsetMinutes);
    s.append(offsetMinutes < 0 ? '-' : '+');
    two(s, abs / 60).append(':');
    two(s, abs % 60);
    return s.toString();
  }

  private static StringBuilder two(StringBuilder s, int v) {
    if (v < 10) {
      s.append('0');
    }
    return s.append(v);
  }

  static int year(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).getYear();
  }
}
