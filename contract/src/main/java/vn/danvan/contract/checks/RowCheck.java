package vn.danvan.contract.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.Column;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRule.Severity;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * The {@link RowRules} applied to one row in plain Java, for a file checked before it is loaded:
 * the same rules, read the same way ({@link LandingText}), giving the same failed checks, in the
 * same order, as the load's quarantine (without the checks against other tables and duplicates,
 * which need the lake).
 */
public final class RowCheck {
  private RowCheck() {}

  /**
   * The key of a row's map that holds the line when it could not be split into the header's
   * columns (the load's {@code _malformed} column); absent or null for a sound line.
   */
  public static final String MALFORMED = "_malformed";

  /**
   * The error checks the row fails, in the order of {@code failed_checks}: by reason, then in rule
   * order.
   *
   * @param row contract column name to the text as written (a missing key or null: the file has
   *     no such column or the cell is empty); other keys are ignored, but {@link #MALFORMED}
   * @param asOf the load date: records after it are out of range
   * @param indicators the catalogue's codes that rows may use, and its whole-number ones
   */
  public static List<Failure> check(Table table, Map<String, String> row, LocalDate asOf,
      Indicators indicators) {
    Evaluator evaluator = new Evaluator(table, row, asOf, indicators);
    return RowRules.of(table).stream()
        .filter(r -> r.severity() == Severity.ERROR && r.accept(evaluator))
        .sorted(Comparator.comparingInt(r -> r.reason().ordinal()))
        .map(r -> new Failure(r.name(), r.reason(), r.column(), row.get(r.column())))
        .toList();
  }

  /** The names of the warnings the row fails, in rule order (as the load report counts them). */
  public static List<String> warnings(Table table, Map<String, String> row, LocalDate asOf,
      Indicators indicators) {
    Evaluator evaluator = new Evaluator(table, row, asOf, indicators);
    return RowRules.of(table).stream()
        .filter(r -> r.severity() == Severity.WARN && r.accept(evaluator))
        .map(RowRule::name).toList();
  }

  /** Whether one rule fails on the row's typed values; an unknown value passes. */
  private static final class Evaluator implements RowRule.Visitor<Boolean> {
    private final Map<String, String> text;
    private final Map<String, String> cleaned = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final LocalDate asOf;
    private final Indicators indicators;

    Evaluator(Table table, Map<String, String> row, LocalDate asOf, Indicators indicators) {
      this.text = Objects.requireNonNull(row, "row");
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      this.indicators = Objects.requireNonNull(indicators, "indicators");
      for (Column c : table.columns()) {
        String clean = LandingText.clean(row.get(c.name()));
        cleaned.put(c.name(), clean);
        values.put(c.name(), LandingText.value(c, clean, LandingText.foldsCase(table, c.name())));
      }
      LandingText.localDates(table).forEach((date, timestamp) ->
          values.put(date, LandingText.localDate((Instant) values.get(timestamp))));
    }

    private Object value(String column) {
      return values.get(column);
    }

    @Override public Boolean malformed(RowRule.Malformed rule) {
      return text.get(MALFORMED) != null;
    }

    @Override public Boolean missing(RowRule.Missing rule) {
      return cleaned.get(rule.column()) == null;
    }

    @Override public Boolean typed(RowRule.Typed rule) {
      return cleaned.get(rule.column()) != null && value(rule.column()) == null
          && (rule.unless() == null || !grouped(rule.unless()));
    }

    @Override public Boolean evaluated(RowRule.Evaluated rule) {
      String t = text.get(rule.column());
      return t != null && t.startsWith(XlsxSheet.FORMULA_WITHOUT_RESULT);
    }

    @Override public Boolean grouped(RowRule.Grouped rule) {
      String t = cleaned.get(rule.column());
      return t != null && RowRules.THOUSANDS_GROUPED.matcher(t).find()
          && (rule.indicator() == null || countsWhole(rule.indicator()));
    }

    @Override public Boolean whole(RowRule.Whole rule) {
      return value(rule.column()) instanceof Double d && d % 1 != 0 && countsWhole(rule.indicator())
          && !grouped(rule.unless());
    }

    private boolean countsWhole(String indicatorColumn) {
      Object code = value(indicatorColumn);
      return code != null && indicators.wholeNumbers().contains(code);
    }

    @Override public Boolean inVocabulary(RowRule.InVocabulary rule) {
      Object v = value(rule.column());
      return v != null && !rule.codes().contains(v);
    }

    @Override public Boolean listInVocabulary(RowRule.ListInVocabulary rule) {
      Object v = value(rule.column());
      if (v == null) {
        return false;
      }
      // limit -1 keeps trailing empty items, as Spark's split does: "mountain;" has an empty item
      for (String item : ((String) v).split(RowRules.LIST_SEPARATOR, -1)) {
        if (!rule.codes().contains(LandingText.trimSpaces(item))) {
          return true;
        }
      }
      return false;
    }

    @Override public Boolean inCatalogue(RowRule.InCatalogue rule) {
      Object v = value(rule.column());
      return v != null && !indicators.codes().contains(v);
    }

    @Override public Boolean bounded(RowRule.Bounded rule) {
      if (!(value(rule.column()) instanceof Number n)) {
        return false;
      }
      double x = n.doubleValue();
      return switch (rule.bound()) {
        case NEGATIVE -> x < 0;
        case NOT_POSITIVE -> x <= 0;
        case ABOVE_ONE -> x > 1;
      };
    }

    @Override public Boolean recordDate(RowRule.RecordDate rule) {
      return value(rule.column()) instanceof LocalDate d
          && (d.isBefore(RowRules.EARLIEST) || d.isAfter(asOf));
    }

    @Override public Boolean ordered(RowRule.Ordered rule) {
      return value(rule.start()) instanceof LocalDate start && value(rule.end()) instanceof LocalDate end
          && end.isBefore(start);
    }

    @Override public Boolean recordYear(RowRule.RecordYear rule) {
      return value(rule.column()) instanceof Integer year
          && (year < RowRules.EARLIEST.getYear() || year > asOf.getYear());
    }

    @Override public Boolean matches(RowRule.Matches rule) {
      return value(rule.column()) instanceof String s && !rule.pattern().matcher(s).find();
    }

    @Override public Boolean statedWhen(RowRule.StatedWhen rule) {
      return rule.is().equals(value(rule.when())) && value(rule.column()) == null;
    }
  }
}
