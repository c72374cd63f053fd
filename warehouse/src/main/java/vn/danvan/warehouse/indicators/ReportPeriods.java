package vn.danvan.warehouse.indicators;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import vn.danvan.contract.Grain;
import vn.danvan.warehouse.trends.Period;

/**
 * Labels a report's period: a calendar year, half, quarter or month by its {@link Period} label,
 * anything else (a multi-year programme review) as the ISO interval {@code start/end}.
 */
final class ReportPeriods {
  private ReportPeriods() {}

  static String label(LocalDate start, LocalDate end) {
    if (start.getDayOfMonth() == 1 && start.getYear() == end.getYear()
        && end.equals(end.with(TemporalAdjusters.lastDayOfMonth()))) {
      int months = end.getMonthValue() - start.getMonthValue() + 1;
      int index = (start.getMonthValue() - 1) / months + 1;
      if ((start.getMonthValue() - 1) % months == 0) {
        Grain grain = switch (months) {
          case 12 -> Grain.YEAR;
          case 6 -> Grain.HALF;
          case 3 -> Grain.QUARTER;
          case 1 -> Grain.MONTH;
          default -> null;
        };
        if (grain != null) {
          return new Period(grain, start.getYear(), index).label();
        }
      }
    }
    return start + "/" + end;
  }
}
