package vn.danvan.contract.checks;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.LakeColumns;
import vn.danvan.contract.Table;

/**
 * Every validity span of every region code, as a lookup called for each record (by the load's
 * Spark tasks and by an upload's dry run alike): is the code known, and was the unit valid on the
 * record's dates? A code that was retired and later
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
public final class RegionValidity implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Status codes of {@link #status}. */
  public static final int UNKNOWN = 0;
  public static final int VALID = 1;
  public static final int NOT_VALID_ON_DATE = 2;

  private static final int OPEN = Integer.MAX_VALUE;

  /** code → [from0, to0, from1, to1, ...] in days since 1970-01-01; an open end is {@link #OPEN}. */
  private final Map<String, int[]> spans;

  private RegionValidity(Map<String, int[]> spans) {
    this.spans = Objects.requireNonNull(spans, "spans");
  }

  /** One version of a unit: its code and the days it was valid ({@code validTo} null: still valid). */
  public record Span(String code, LocalDate validFrom, LocalDate validTo) {}

  /** The spans of every version; a span without a code or a start is ignored. */
  public static RegionValidity of(List<Span> versions) {
    Map<String, int[]> spans = new HashMap<>();
    for (Span v : versions) {
      if (v.code() == null || v.validFrom() == null) {
        continue;
      }
      int from = Math.toIntExact(v.validFrom().toEpochDay());
      int to = v.validTo() == null ? OPEN : Math.toIntExact(v.validTo().toEpochDay());
      spans.merge(v.code(), new int[] {from, to}, (a, b) -> {
        int[] both = Arrays.copyOf(a, a.length + 2);
        both[a.length] = b[0];
        both[a.length + 1] = b[1];
        return both;
      });
    }
    return new RegionValidity(spans);
  }

  /**
   * The columns of a record whose dates must overlap its unit's validity: the period of a report
   * value, the day an activity or post started, or {@code year} (the calendar year) for models,
   * targets and population. Empty for the tables checked without dates (a survey response takes
   * its wave's fieldwork; lineage codes need only be known).
   */
  public static List<String> recordInterval(Table table) {
    return switch (table) {
      case REPORT_VALUES -> List.of("period_start", "period_end");
      case ACTIVITIES -> List.of("start_date", "start_date");
      case POSTS -> List.of(LakeColumns.PUBLISHED_DATE, LakeColumns.PUBLISHED_DATE);
      case POPULATION, CAMPAIGN_TARGETS, MODELS -> List.of(LakeColumns.YEAR);
      default -> List.of();
    };
  }

  /**
   * As {@link #status(String, Integer, Integer)} with the record's first and last day; a year
   * below 1 has no days (only whether the code is known is said).
   */
  public Integer status(String code, LocalDate start, LocalDate end) {
    return status(code, start == null ? null : Math.toIntExact(start.toEpochDay()),
        end == null ? null : Math.toIntExact(end.toEpochDay()));
  }

  /**
   * @param start first day of the record (days since 1970-01-01), null when unknown
   * @param end last day of the record, null when unknown
   * @return null for a null code; {@link #UNKNOWN}; {@link #NOT_VALID_ON_DATE} when both days are
   *     given and no span overlaps them; else {@link #VALID}
   */
  public Integer status(String code, Integer start, Integer end) {
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

  public int codes() {
    return spans.size();
  }
}
