package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.Reason;

/**
 * A survey answer must be one its question allows: one of the question's options (likert5 and
 * yes_no questions without options take the contract's 1..5 and yes/no), and for a numeric
 * question a number, within {@code min;max} when the question's options give that range. An empty
 * answer ("don't know") is allowed, and a response to an unknown question fails {@code
 * unknown_reference} alone (its type is null here, so these checks pass it).
 */
final class AnswerChecks {
  private AnswerChecks() {}

  static final String LIKERT5 = "1;2;3;4;5";
  static final String YES_NO = "yes;no";

  /**
   * The options a question allows, as a list: its semicolon list of options trimmed, else the
   * contract's defaults for likert5 and yes_no; null for a question of another type without options.
   * Computed on the questions' reference frame, once per question: per answer, these array
   * functions ran interpreted, a quarter of the CPU of checking scale 20's 11 million answers.
   *
   * @param type the question's type
   * @param options the question's semicolon list of options
   */
  static Column options(Column type, Column options) {
    return filter(transform(split(when(options.isNotNull().and(trim(options).notEqual("")), options)
        .when(type.equalTo("likert5"), lit(LIKERT5)).when(type.equalTo("yes_no"), lit(YES_NO)), ";"),
        o -> trim(o)), o -> o.notEqual(""));
  }

  /**
   * @param answer the response's answer (trimmed text, null when empty)
   * @param type the question's type
   * @param list the question's {@link #options}
   */
  static List<Check> of(Column answer, Column type, Column list) {
    Column choice = type.isInCollection(List.of("likert5", "yes_no", "single_choice"));
    Column notAnOption = choice.and(size(list).gt(0)).and(not(array_contains(list, trim(answer))));
    Column numeric = type.equalTo("numeric");
    Column number = trim(answer).try_cast(DataTypes.DoubleType);
    Column notNumber = numeric.and(number.isNull().or(number.isNaN())
        .or(number.equalTo(Double.POSITIVE_INFINITY)).or(number.equalTo(Double.NEGATIVE_INFINITY)));
    Column low = try_element_at(list, lit(1)).try_cast(DataTypes.DoubleType);
    Column high = try_element_at(list, lit(2)).try_cast(DataTypes.DoubleType);
    Column outOfRange = numeric.and(size(list).equalTo(2)).and(number.lt(low).or(number.gt(high)));
    return List.of(
        Check.error(Reason.UNKNOWN_VOCABULARY, "answer", answer.isNotNull().and(notAnOption)),
        Check.error(Reason.BAD_TYPE, "answer", answer.isNotNull().and(notNumber)),
        Check.error(Reason.BAD_TYPE, "answer_range", answer.isNotNull().and(outOfRange)));
  }
}
