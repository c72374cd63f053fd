package vn.danvan.warehouse.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.danvan.warehouse.lake.LakeTable;

/**
 * One row of the indicator catalogue: what a code means, in which unit, how it is computed and
 * since when this definition holds.
 *
 * @param computation {@code sum}, {@code count}, or {@code ratio:<numerator>/<denominator>} over
 *     two other indicator codes
 * @param sourceTables the lake tables the indicator is computed from
 */
public record Indicator(
    String code,
    String nameVi,
    String nameEn,
    String unit,
    String computation,
    List<LakeTable> sourceTables,
    int definitionVersion,
    LocalDate validFrom) {
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern COMPUTATION =
      Pattern.compile("sum|count|ratio:([a-z][a-z0-9_]*)/([a-z][a-z0-9_]*)");

  public Indicator {
    requireText(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("indicator code must be lower_snake_case: '" + code + "'");
    }
    requireText(nameVi, "name_vi of " + code);
    requireText(nameEn, "name_en of " + code);
    requireText(unit, "unit of " + code);
    requireText(computation, "computation of " + code);
    if (!COMPUTATION.matcher(computation).matches()) {
      throw new IllegalArgumentException("computation of " + code
          + " must be sum, count or ratio:<code>/<code>, not '" + computation + "'");
    }
    sourceTables = List.copyOf(Objects.requireNonNull(sourceTables, "sourceTables of " + code));
    if (sourceTables.isEmpty()) {
      throw new IllegalArgumentException("source_tables of " + code + " is empty");
    }
    if (definitionVersion < 1) {
      throw new IllegalArgumentException(
          "definition_version of " + code + " must be >= 1, not " + definitionVersion);
    }
    Objects.requireNonNull(validFrom, "valid_from of " + code);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
