package vn.danvan.etl.load;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import vn.danvan.contract.Reason;
import vn.danvan.contract.checks.RowRule.Severity;

/**
 * One data-quality check of a table: a name people read in {@code failed_checks} (e.g.
 * {@code bad_type:period_end}), the quarantine reason it stands for, and the condition under which
 * a row fails it. An {@link Severity#ERROR} check sends the row to quarantine; a {@link
 * Severity#WARN} check only counts it in the load report. The row checks are the contract's {@link
 * vn.danvan.contract.checks.RowRules} made conditions ({@link RowChecks}); the checks against other
 * tables are the load's own ({@link ReferenceChecks}).
 *
 * @param failing a boolean column over the typed frame; null counts as passing, so a condition
 *     need not repeat the null guards of other checks (a value that does not parse fails
 *     {@code bad_type}, not every check that reads it)
 */
public record Check(String name, Reason reason, Severity level, Column failing) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+(:[a-z0-9_<>=.+]+)?");

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level of " + name);
    Objects.requireNonNull(failing, "condition of " + name);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("check name '" + name + "' is not of the form reason:column");
    }
    if (level == Severity.ERROR && reason == null) {
      throw new IllegalArgumentException("error check " + name + " needs a quarantine reason");
    }
  }

  /** An error check named after its reason and what it looks at, e.g. {@code missing_value:unit}. */
  static Check error(Reason reason, String what, Column failing) {
    return new Check(reason.code() + ":" + what, reason, Severity.ERROR, failing);
  }
}
