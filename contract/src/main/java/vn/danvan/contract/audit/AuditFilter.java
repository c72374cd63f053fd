package vn.danvan.contract.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import vn.danvan.contract.audit.AuditEvent.Action;

/**
 * Which lines of the trail to show, as {@code bin/danvan audit} and {@code GET /api/audit} take
 * them; a null part matches everything.
 *
 * @param since the earliest time shown
 * @param login only this login
 * @param action only this action
 */
public record AuditFilter(Instant since, String login, Action action) {
  /** Dates and times without an offset are Vietnam's, as the people reading the trail mean them. */
  public static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Matches every line. */
  public static AuditFilter all() {
    return new AuditFilter(null, null, null);
  }

  /**
   * The filter from its text form; blank or null parts match everything.
   *
   * @param since {@code 2026-12-03} (from the start of that day in Vietnam), {@code 2026-12-03T08:00}
   *     (Vietnam's time) or with an offset ({@code 2026-12-03T01:00Z}, {@code ...+07:00})
   * @param action an action's code, e.g. {@code download} or {@code login_failed}
   * @throws IllegalArgumentException naming the part that is not understood
   */
  public static AuditFilter parse(String since, String login, String action) {
    return new AuditFilter(blank(since) ? null : since(since.strip()), blank(login) ? null : login.strip(),
        blank(action) ? null : action(action.strip()));
  }

  /** Whether the event is one this filter shows. */
  public boolean matches(AuditEvent event) {
    return (since == null || !event.time().isBefore(since))
        && (login == null || login.equals(event.login()))
        && (action == null || action == event.action());
  }

  static Instant since(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(LOCAL).toInstant();
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(text).atZone(LOCAL).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("since: a date (2026-12-03) or a date and time (2026-12-03T08:00, "
          + "2026-12-03T01:00Z), not '" + text + "'");
    }
  }

  private static Action action(String code) {
    try {
      return AuditLines.action(code);
    } catch (IllegalArgumentException e) {
      StringBuilder codes = new StringBuilder();
      for (Action a : Action.values()) {
        codes.append(codes.length() == 0 ? "" : ", ").append(a.code());
      }
      throw new IllegalArgumentException("action: one of " + codes + ", not '" + code + "'");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
