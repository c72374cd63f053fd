package vn.danvan.etl.regions;

import java.time.LocalDate;
import java.util.Objects;

/** One row of the contract's {@code regions} table. {@code validTo} null = still valid. */
public record RegionRow(String code, String name, String level, String parentCode,
    LocalDate validFrom, LocalDate validTo, String specialArea) {

  public RegionRow {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name of " + code);
    Objects.requireNonNull(level, "level of " + code);
    Objects.requireNonNull(validFrom, "valid_from of " + code);
  }
}
