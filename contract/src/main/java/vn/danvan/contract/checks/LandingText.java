package vn.danvan.contract.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import vn.danvan.contract.Column;
import vn.danvan.contract.LakeColumns;
import vn.danvan.contract.Table;

/**
 * How the text of a landing cell becomes a value: trimmed, empty = unknown, vocabulary codes in
 * lower case, parsed by its column's type with {@link Parsers}, and the local dates in Vietnam
 * derived from timestamps. The load does the same with Spark functions (etl's {@code Typing});
 * every rule here is the one both follow.
 */
public final class LandingText {
  private LandingText() {}

  /** Reporting periods are Vietnam's calendar: dates of timestamps are taken in this zone. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * The offset of Vietnam time in seconds. Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving
   * since 1975 and records before 2000 are refused, so a fixed offset gives the local date without
   * depending on a session's time zone (a cluster may run in UTC); a timestamp of 1019, a typing
   * mistake, gets the same local date from both evaluators.
   */
  public static final int VIETNAM_OFFSET_SECONDS = vietnamOffset();

  private static int vietnamOffset() {
    ZoneRules rules = VIETNAM.getRules();
    Instant since = LocalDate.of(1976, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (rules.nextTransition(since) != null) {
      throw new IllegalStateException("the time-zone data now has an offset change in Asia/Ho_Chi_Minh"
          + " after 1975: local dates can no longer be computed with a fixed offset");
    }
    return rules.getOffset(since).getTotalSeconds();
  }

  /**
   * Text with spaces trimmed; an empty text is unknown (null), as the contract says. Only the space
   * character is trimmed (as Spark's {@code trim} does): a tab is part of the value.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String s = trimSpaces(text);
    return s.isEmpty() ? null : s;
  }

  /** The text without the spaces (U+0020 only) at either end. */
  static String trimSpaces(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  /**
   * Whether the column's codes are compared and stored in lower case: {@code Facebook} and {@code
   * facebook} are the same platform. These are the columns with a vocabulary or the catalogue.
   */
  public static boolean foldsCase(Table table, String column) {
    return RowRules.vocabulary(table, column).isPresent()
        || RowRules.listVocabulary(table, column).isPresent() || RowRules.isIndicator(table, column);
  }

  /**
   * The typed value of a cleaned text ({@link #clean}): a String, LocalDate, Instant, Integer (a
   * year), Long (a count or an amount) or Double; null when the text is null or does not parse.
   */
  public static Object value(Column column, String cleaned, boolean foldCase) {
    return switch (column.type()) {
      case STRING, CODE -> foldCase && cleaned != null ? cleaned.toLowerCase(Locale.ROOT) : cleaned;
      case DATE -> Parsers.date(cleaned);
      case TIMESTAMP -> Parsers.timestamp(cleaned);
      case YEAR -> Parsers.year(cleaned);
      case COUNT, MONEY -> Parsers.whole(cleaned);
      case DECIMAL, FRACTION, WEIGHT -> Parsers.number(cleaned);
    };
  }

  /** The lake's local-date columns of a table and the timestamp column each is the date of. */
  public static Map<String, String> localDates(Table table) {
    return switch (table) {
      case POSTS -> Map.of(LakeColumns.PUBLISHED_DATE, "published_at");
      case POST_METRICS -> Map.of(LakeColumns.OBSERVED_DATE, "observed_at");
      default -> Map.of();
    };
  }

  /** The local date in Vietnam of an instant. */
  public static LocalDate localDate(Instant instant) {
    return instant == null ? null
        : LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond() + VIETNAM_OFFSET_SECONDS, 86_400L));
  }
}
