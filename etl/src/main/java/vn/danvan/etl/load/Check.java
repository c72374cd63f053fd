package vn.danvan.etl.load;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import vn.danvan.contract.Reason;

/**
 * One data-quality check of a table: a name people read in {@code failed_checks} (e.g.
 * {@code bad_type:period_end}), the quarantine reason it stands for, and the condition under which
 * a row fails it. An {@link Level#ERROR} check sends the row to quarantine; a {@link Level#WARN}
 * check only counts it in the load report.
 *
 * @param failing a boolean column over the typed frame; null counts as passing, so a condition
 *     need not repeat the null guards of other checks (a value that does not parse fails
 *     {@code bad_type}, not every check that reads it)
 */
public record Check(String name, Reason reason, Level level, Column failing) {

  public enum Level { ERROR, WARN }

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+(:[a-z0-9_<>=.+]+)?");

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level of " + name);
    Objects.requireNonNull(failing, "condition of " + name);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("check name '" + name + "' is not of the form reason:column");
    }
    if (level == Level.ERROR && reason == null) {
      throw new IllegalArgumentException("error check " + name + " needs a quarantine reason");
    }
  }

  /** An error check named after its reason and what it looks at, e.g. {@code missing_value:unit}. */
  static Check error(Reason reason, String what, Column failing) {
    return new Check(reason.code() + ":" + what, reason, Level.ERROR, failing);
  }

  /** A warning: counted in the report, the row still lands. */
  static Check warn(String name, Column failing) {
    return new Check(name, null, Level.WARN, failing);
  }
}
