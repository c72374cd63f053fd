package vn.danvan.etl.load;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Every validity span of every region code, as a lookup Spark tasks call for each record: is the
 * code known, and was the unit valid on the record's dates? A code that was retired and later
 * given to another unit has several spans; a record is valid when its interval overlaps one.
 * Codes are reused across the 2025 change (old commune 00004 and new commune 00004 are different
 * units; province 01 exists before and after): old units are valid until 2025-06-30 (from
 * 2008-08-01 when the source does not say), new units (34 provinces, 3,321 communes) from
 * 2025-07-01 on.
 *
 * <p>It is a plain hash map on purpose: a join with the spans as an array and a higher-order
 * {@code exists} over it ran interpreted and copied the array into every row, the most expensive
 * check of the load; this is one hash lookup.
 */
final class RegionValidity implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Status codes of {@link #status}. */
  static final int UNKNOWN = 0;
  static final int VALID = 1;
  static final int NOT_VALID_ON_DATE = 2;

  private static final int OPEN = Integer.MAX_VALUE;

  /** code → [from0, to0, from1, to1, ...] in days since 1970-01-01; an open end is {@link #OPEN}. */
  private final Map<String, int[]> spans;

  private RegionValidity(Map<String, int[]> spans) {
    this.spans = spans;
  }

  /** @param rows (code, valid_from, valid_to) with dates as {@link Date} or {@link LocalDate} */
  static RegionValidity of(List<Row> rows) {
    Map<String, int[]> spans = new HashMap<>();
    for (Row r : rows) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        continue;
      }
      int from = day(r.get(1));
      int to = r.isNullAt(2) ? OPEN : day(r.get(2));
      spans.merge(r.getString(0), new int[] {from, to}, (a, b) -> {
        int[] both = java.util.Arrays.copyOf(a, a.length + 2);
        both[a.length] = b[0];
        both[a.length + 1] = b[1];
        return both;
      });
    }
    return new RegionValidity(spans);
  }

  private static int day(Object date) {
    LocalDate d = date instanceof Date sql ? sql.toLocalDate() : (LocalDate) date;
    return Math.toIntExact(d.toEpochDay());
  }

  /**
   * @param start first day of the record (days since 1970-01-01), null when unknown
   * @param end last day of the record, null when unknown
   * @return null for a null code; {@link #UNKNOWN}; {@link #NOT_VALID_ON_DATE} when both days are
   *     given and no span overlaps them; else {@link #VALID}
   */
  Integer status(String code, Integer start, Integer end) {
    if (code == null) {
      return null;
    }
    int[] s = spans.get(code);
    if (s == null) {
      return UNKNOWN;
    }
    if (start == null || end == null) {
      return VALID;
    }
    for (int i = 0; i < s.length; i += 2) {
      if (s[i] <= end && s[i + 1] >= start) {
        return VALID;
      }
    }
    return NOT_VALID_ON_DATE;
  }

  int codes() {
    return spans.size();
  }
}
