package vn.danvan.warehouse.query;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of the region tree a caller may see: the root region whose subtree is visible, or the
 * whole country. Every read names its scope so that access control is enforced in one place
 * ({@link Warehouse#read}), not in each query.
 *
 * @param rootCode {@value #COUNTRY} for the whole country, else a GSO code (province 2 digits,
 *     district 3, commune 5)
 */
public record RegionScope(String rootCode) {
  public static final String COUNTRY = "VN";
  private static final Pattern GSO_CODE = Pattern.compile("\\d{2}|\\d{3}|\\d{5}");

  public RegionScope {
    Objects.requireNonNull(rootCode, "rootCode");
    if (!isRegionCode(rootCode)) {
      throw new IllegalArgumentException("region scope must be " + COUNTRY
          + " or a 2, 3 or 5 digit GSO code, not '" + rootCode + "'");
    }
  }

  /** Whether {@code code} is {@value #COUNTRY} or a 2, 3 or 5 digit GSO code. */
  public static boolean isRegionCode(String code) {
    return code != null && (COUNTRY.equals(code) || GSO_CODE.matcher(code).matches());
  }

  public static RegionScope country() {
    return new RegionScope(COUNTRY);
  }

  public boolean isCountry() {
    return COUNTRY.equals(rootCode);
  }
}
