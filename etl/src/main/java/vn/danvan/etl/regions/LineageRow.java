package vn.danvan.etl.regions;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the contract's {@code region_lineage} table: a share {@code weight} of the old unit's
 * figures goes to the new unit. {@code weight} null = not known (apportion by population or equally).
 */
public record LineageRow(String oldCode, String newCode, LocalDate effectiveDate, String relation,
    Double weight) {

  public LineageRow {
    Objects.requireNonNull(oldCode, "old_code");
    Objects.requireNonNull(newCode, "new_code of " + oldCode);
    Objects.requireNonNull(effectiveDate, "effective_date of " + oldCode);
    Objects.requireNonNull(relation, "relation of " + oldCode);
  }
}
