package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.checks.RowRule;
import vn.danvan.contract.checks.RowRules;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * The checks a row can fail on its own: the contract's {@link RowRules}, each made a Spark
 * condition over the typed frame ({@link Typing}). The conditions are column expressions, compiled
 * with the rest of the load's plan; the contract's {@code RowCheck} evaluates the same rules on a
 * single row. Checks that need other tables (regions, campaigns, waves, posts) are in {@link
 * ReferenceChecks}.
 */
final class RowChecks {
  private RowChecks() {}

  static List<Check> of(Table table, LocalDate asOf, Indicators indicators) {
    Conditions conditions = new Conditions(asOf, indicators);
    return RowRules.of(table).stream()
        .map(r -> new Check(r.name(), r.reason(), r.severity(), r.accept(conditions)))
        .toList();
  }

  /** A rule's failing condition; a null condition counts as passing (see {@link Check}). */
  private static final class Conditions implements RowRule.Visitor<Column> {
    private final LocalDate asOf;
    private final Indicators indicators;

    Conditions(LocalDate asOf, Indicators indicators) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      this.indicators = Objects.requireNonNull(indicators, "indicators");
    }

    /** The text as written, trimmed, null when empty. */
    private static Column text(String column) {
      return Typing.clean(col(Typing.raw(column)));
    }

    @Override public Column malformed(RowRule.Malformed rule) {
      return col(RawFrames.MALFORMED).isNotNull();
    }

    @Override public Column missing(RowRule.Missing rule) {
      return text(rule.column()).isNull();
    }

    @Override public Column typed(RowRule.Typed rule) {
      Column unparsed = text(rule.column()).isNotNull().and(col(rule.column()).isNull());
      return rule.unless() == null ? unparsed : unparsed.and(not(passing(grouped(rule.unless()))));
    }

    @Override public Column evaluated(RowRule.Evaluated rule) {
      return col(Typing.raw(rule.column())).startsWith(XlsxSheet.FORMULA_WITHOUT_RESULT);
    }

    @Override public Column grouped(RowRule.Grouped rule) {
      // every grouped number has a dot: most cells are refused by that test, without a matcher
      Column shaped = text(rule.column()).contains(".")
          .and(text(rule.column()).rlike(RowRules.THOUSANDS_GROUPED.pattern()));
      return rule.indicator() == null ? shaped : shaped.and(countsWhole(rule.indicator()));
    }

    @Override public Column whole(RowRule.Whole rule) {
      return col(rule.column()).mod(1).notEqual(0).and(countsWhole(rule.indicator()))
          .and(not(passing(grouped(rule.unless()))));
    }

    private Column countsWhole(String indicatorColumn) {
      return col(indicatorColumn).isInCollection(indicators.wholeNumbers());
    }

    /** A condition with unknown (null) read as false, as {@link Check} reads a failing one. */
    private static Column passing(Column failing) {
      return coalesce(failing, lit(false));
    }

    @Override public Column inVocabulary(RowRule.InVocabulary rule) {
      return not(col(rule.column()).isInCollection(rule.codes()));
    }

    @Override public Column listInVocabulary(RowRule.ListInVocabulary rule) {
      return not(forall(split(col(rule.column()), RowRules.LIST_SEPARATOR),
          item -> trim(item).isInCollection(rule.codes())));
    }

    @Override public Column inCatalogue(RowRule.InCatalogue rule) {
      return not(col(rule.column()).isInCollection(indicators.codes()));
    }

    @Override public Column bounded(RowRule.Bounded rule) {
      Column value = col(rule.column());
      return switch (rule.bound()) {
        case NEGATIVE -> value.lt(0);
        case NOT_POSITIVE -> value.leq(0);
        case ABOVE_ONE -> value.gt(1);
      };
    }

    @Override public Column recordDate(RowRule.RecordDate rule) {
      Column date = col(rule.column());
      return date.lt(lit(RowRules.EARLIEST)).or(date.gt(lit(asOf)));
    }

    @Override public Column ordered(RowRule.Ordered rule) {
      return col(rule.end()).lt(col(rule.start()));
    }

    @Override public Column recordYear(RowRule.RecordYear rule) {
      Column year = col(rule.column());
      return year.lt(RowRules.EARLIEST.getYear()).or(year.gt(asOf.getYear()));
    }

    @Override public Column matches(RowRule.Matches rule) {
      return not(col(rule.column()).rlike(rule.pattern().pattern()));
    }

    @Override public Column statedWhen(RowRule.StatedWhen rule) {
      return col(rule.when()).equalTo(rule.is()).and(col(rule.column()).isNull());
    }
  }
}
