package vn.danvan.contract.checks;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.contract.Reason;

/**
 * One check a row can fail on its own, as data: what it looks at and when it fails, never how.
 * {@link RowRules} lists a table's rules; two evaluators apply the same list through a {@link
 * Visitor}: the load's Spark conditions (etl's {@code RowChecks}) and {@link RowCheck} for a single
 * row. A rule kind added here breaks both until each says how to evaluate it.
 *
 * <p>Every rule reads typed values ({@link LandingText}); an unknown (null) value passes, so a rule
 * need not repeat the null guards of others (a value that does not parse fails {@code bad_type},
 * not every rule that reads it).
 */
public sealed interface RowRule {

  /** An error holds the row back in quarantine; a warning only counts it in the load report. */
  enum Severity { ERROR, WARN }

  /**
   * The name people read in {@code failed_checks} and the load report, e.g. {@code
   * bad_type:period_end}: an error is named after its reason and what it looks at.
   */
  String name();

  /** The quarantine reason of an error; null for a warning. */
  Reason reason();

  Severity severity();

  /** The column whose value a failure shows ({@link RowCheck#MALFORMED} for a broken line). */
  String column();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of rule: an evaluator. */
  interface Visitor<R> {
    R malformed(Malformed rule);

    R missing(Missing rule);

    R typed(Typed rule);

    R evaluated(Evaluated rule);

    R grouped(Grouped rule);

    R whole(Whole rule);

    R inVocabulary(InVocabulary rule);

    R listInVocabulary(ListInVocabulary rule);

    R inCatalogue(InCatalogue rule);

    R bounded(Bounded rule);

    R recordDate(RecordDate rule);

    R ordered(Ordered rule);

    R recordYear(RecordYear rule);

    R matches(Matches rule);

    R statedWhen(StatedWhen rule);
  }

  /** The line could not be split into the table's columns. */
  record Malformed() implements RowRule {
    @Override public String name() {
      return Reason.MALFORMED_ROW.code() + ":line";
    }

    @Override public Reason reason() {
      return Reason.MALFORMED_ROW;
    }

    @Override public Severity severity() {
      return Severity.ERROR;
    }

    @Override public String column() {
      return RowCheck.MALFORMED;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.malformed(this);
    }
  }

  /** A required column is empty (after trimming). */
  record Missing(String column) implements ColumnError {
    public Missing {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.MISSING_VALUE;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.missing(this);
    }
  }

  /**
   * A value is given but does not parse as its column's type; unless {@code unless} fails on it
   * (a whole number written with thousands separators is that, not a type error): null when no
   * other rule explains a value of this column better.
   */
  record Typed(String column, Grouped unless) implements ColumnError {
    public Typed {
      Objects.requireNonNull(column, "column");
      if (unless != null && !unless.column().equals(column)) {
        throw new IllegalArgumentException("typed:" + column + " cannot defer to a rule on " + unless.column());
      }
    }

    public Typed(String column) {
      this(column, null);
    }

    @Override public Reason reason() {
      return Reason.BAD_TYPE;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.typed(this);
    }
  }

  /**
   * A spreadsheet cell holding a formula without its cached result: the reader's marker ({@code
   * XlsxSheet.FORMULA_WITHOUT_RESULT}) starts the text as written.
   */
  record Evaluated(String column) implements ColumnError {
    public Evaluated {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.FORMULA_WITHOUT_RESULT;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.evaluated(this);
    }
  }

  /**
   * A whole number written with dots between groups of three digits ({@link
   * RowRules#THOUSANDS_GROUPED}, e.g. {@code 4.494}): in a column of whole numbers, or in a value
   * column when the row's {@code indicator} is one of the catalogue's whole-number indicators
   * (null {@code indicator}: the column itself holds counts or money).
   */
  record Grouped(String column, String indicator) implements ColumnError {
    public Grouped {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.THOUSANDS_SEPARATOR;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.grouped(this);
    }
  }

  /**
   * A number with a fraction in a value column whose row's {@code indicator} counts things or
   * money (the catalogue's whole-number indicators); unless {@code unless} (the column's {@link
   * Grouped} rule) fails on it, which says better what is wrong.
   */
  record Whole(String column, String indicator, Grouped unless) implements ColumnError {
    public Whole {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(indicator, "indicator of " + column);
      Objects.requireNonNull(unless, "unless of " + column);
    }

    @Override public Reason reason() {
      return Reason.NOT_WHOLE_NUMBER;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.whole(this);
    }
  }

  /** A code outside its closed vocabulary. */
  record InVocabulary(String column, Set<String> codes) implements ColumnError {
    public InVocabulary {
      Objects.requireNonNull(column, "column");
      codes = Set.copyOf(codes);
    }

    @Override public Reason reason() {
      return Reason.UNKNOWN_VOCABULARY;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.inVocabulary(this);
    }
  }

  /**
   * A {@link RowRules#LIST_SEPARATOR} list with an item (trimmed of spaces) outside the vocabulary;
   * an empty item is outside it.
   */
  record ListInVocabulary(String column, Set<String> codes) implements ColumnError {
    public ListInVocabulary {
      Objects.requireNonNull(column, "column");
      codes = Set.copyOf(codes);
    }

    @Override public Reason reason() {
      return Reason.UNKNOWN_VOCABULARY;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.listInVocabulary(this);
    }
  }

  /** An indicator code outside the catalogue the evaluator is given. */
  record InCatalogue(String column) implements ColumnError {
    public InCatalogue {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.UNKNOWN_INDICATOR;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.inCatalogue(this);
    }
  }

  /** A number on the wrong side of a bound. */
  record Bounded(String column, Bound bound) implements RowRule {
    /** When a number fails, and under which reason. */
    public enum Bound {
      /** Below zero: counts, amounts and values. */
      NEGATIVE(Reason.NEGATIVE_VALUE, ""),
      /** Zero or below: survey weights. */
      NOT_POSITIVE(Reason.NON_POSITIVE_WEIGHT, ""),
      /** Above one: a fraction that is no fraction, a typing mistake like a type error. */
      ABOVE_ONE(Reason.BAD_TYPE, ">1");

      private final Reason reason;
      private final String suffix;

      Bound(Reason reason, String suffix) {
        this.reason = reason;
        this.suffix = suffix;
      }
    }

    public Bounded {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(bound, "bound of " + column);
    }

    @Override public String name() {
      return reason().code() + ":" + column + bound.suffix;
    }

    @Override public Reason reason() {
      return bound.reason;
    }

    @Override public Severity severity() {
      return Severity.ERROR;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.bounded(this);
    }
  }

  /** A date of what happened: between {@link RowRules#EARLIEST} and the load date. */
  record RecordDate(String column) implements ColumnError {
    public RecordDate {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.DATE_OUT_OF_RANGE;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.recordDate(this);
    }
  }

  /** An interval of one row whose end precedes its start; a failure shows the end. */
  record Ordered(String start, String end) implements RowRule {
    public Ordered {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    @Override public String name() {
      return reason().code() + ":" + end + "<" + start;
    }

    @Override public Reason reason() {
      return Reason.DATE_OUT_OF_RANGE;
    }

    @Override public Severity severity() {
      return Severity.ERROR;
    }

    @Override public String column() {
      return end;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.ordered(this);
    }
  }

  /** A year of records: between the year of {@link RowRules#EARLIEST} and the load date's. */
  record RecordYear(String column) implements ColumnError {
    public RecordYear {
      Objects.requireNonNull(column, "column");
    }

    @Override public Reason reason() {
      return Reason.DATE_OUT_OF_RANGE;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.recordYear(this);
    }
  }

  /** A warning: a text in which the pattern is not found (Spark's {@code rlike}: a search). */
  record Matches(String name, String column, Pattern pattern) implements RowRule {
    public Matches {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(column, "column of " + name);
      Objects.requireNonNull(pattern, "pattern of " + name);
    }

    @Override public Reason reason() {
      return null;
    }

    @Override public Severity severity() {
      return Severity.WARN;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.matches(this);
    }
  }

  /** A warning: a column left unknown when another column has a given code. */
  record StatedWhen(String name, String column, String when, String is) implements RowRule {
    public StatedWhen {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(column, "column of " + name);
      Objects.requireNonNull(when, "when of " + name);
      Objects.requireNonNull(is, "is of " + name);
    }

    @Override public Reason reason() {
      return null;
    }

    @Override public Severity severity() {
      return Severity.WARN;
    }

    @Override public <R> R accept(Visitor<R> visitor) {
      return visitor.statedWhen(this);
    }
  }

  /** An error named {@code <reason>:<column>}. */
  sealed interface ColumnError extends RowRule
      permits Missing, Typed, Evaluated, Grouped, Whole, InVocabulary, ListInVocabulary, InCatalogue, RecordDate, RecordYear {
    @Override default String name() {
      return reason().code() + ":" + column();
    }

    @Override default Severity severity() {
      return Severity.ERROR;
    }
  }
}
