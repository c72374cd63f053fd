package vn.danvan.etl.external;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cell of a published province-by-year table, as {@code external_values} keeps it: the
 * catalogue indicator, the source it came from, the GSO province code as it was that year, and
 * the value, or null where the source's cell was blank (a blank is missing, never zero).
 *
 * @param sourceFile the file the cell was read from (its name only), for provenance
 * @param sourceKey where in that file: the source's own row key and column (e.g. {@code P01 SC11})
 */
public record ExternalValue(String indicator, String source, String regionCode, int year, Double value,
    String sourceFile, String sourceKey) {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

  public ExternalValue {
    requireMatch(indicator, CODE, "indicator");
    requireMatch(source, CODE, "source");
    requireMatch(regionCode, PROVINCE, "region_code (a two-digit GSO province code)");
    if (year < 1900 || year > 2100) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(indicator + " " + regionCode + " " + year + ": value " + value
          + " is not a finite number");
    }
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(sourceKey, "sourceKey");
  }

  public boolean blank() {
    return value == null;
  }

  private static void requireMatch(String text, Pattern form, String what) {
    if (text == null || !form.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " must match " + form + ", not '" + text + "'");
    }
  }
}
