package vn.danvan.contract.checks;

import java.util.Objects;
import vn.danvan.contract.Reason;

/**
 * A check one row failed: its name exactly as the load writes it in {@code failed_checks} (e.g.
 * {@code bad_type:period_end}), the quarantine reason, the column it looked at and that column's
 * text as written (null when empty; the line itself for a broken line).
 */
public record Failure(String check, Reason reason, String column, String value) {
  public Failure {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(reason, "reason of " + check);
    Objects.requireNonNull(column, "column of " + check);
  }
}
