package vn.danvan.warehouse.outreach;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import vn.danvan.contract.Boundaries;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.trends.Period;

/**
 * Which posts an outreach answer covers: those of a region's subtree (in a boundary mode) published
 * in a span of local dates, given as years ({@code from}, {@code to}) or as one period label
 * ({@code 2023}, {@code 2023-H1}, {@code 2023-Q3}, {@code 2023-07}).
 *
 * @param fromDate first local publishing date, inclusive
 * @param toDate last local publishing date, inclusive
 */
public record PostFilter(String region, Boundaries boundaries, LocalDate fromDate, LocalDate toDate) {
  /** Earliest and latest dates when no span is given: every post. */
  static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST = LocalDate.of(2999, 12, 31);

  public PostFilter {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(boundaries, "boundaries");
    Objects.requireNonNull(fromDate, "fromDate");
    Objects.requireNonNull(toDate, "toDate");
    if (!RegionScope.isRegionCode(region)) {
      throw new InvalidParameterException("region", "a region code is VN or a 2, 3 or 5 digit GSO code, not '"
          + region + "'");
    }
    if (fromDate.isAfter(toDate)) {
      throw new InvalidParameterException("from", "must not be after to (" + fromDate + " > " + toDate + ")");
    }
  }

  /**
   * From the API's parameters: {@code period} alone, or {@code from}/{@code to} years (either may
   * be absent: open-ended).
   */
  public static PostFilter of(String region, Boundaries boundaries, OptionalInt from, OptionalInt to,
      Optional<String> period) {
    if (period.isPresent()) {
      if (from.isPresent() || to.isPresent()) {
        throw new InvalidParameterException("period", "give either period or from/to, not both");
      }
      Period p;
      try {
        p = Period.parse(period.get());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("period", e.getMessage());
      }
      CostLimits.checkYear("period", p.year());
      int months = 12 / p.grain().periodsPerYear();
      LocalDate start = LocalDate.of(p.year(), (p.number() - 1) * months + 1, 1);
      return new PostFilter(region, boundaries, start, start.plusMonths(months).minusDays(1));
    }
    for (String name : new String[] {"from", "to"}) {
      OptionalInt y = name.equals("from") ? from : to;
      y.ifPresent(year -> CostLimits.checkYear(name, year));
    }
    if (from.isPresent() && to.isPresent() && from.getAsInt() > to.getAsInt()) {
      throw new InvalidParameterException("from", "must not be after to (" + from.getAsInt() + " > "
          + to.getAsInt() + ")");
    }
    return new PostFilter(region, boundaries,
        from.isPresent() ? LocalDate.of(from.getAsInt(), 1, 1) : FIRST,
        to.isPresent() ? LocalDate.of(to.getAsInt(), 12, 31) : LAST);
  }

  /** The bound values of the region and date filter, in the order every outreach .sql file takes them. */
  Object[] params() {
    return new Object[] {region, boundaries.code(), region, boundaries.code(), region, fromDate, toDate};
  }
}
