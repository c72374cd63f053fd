package vn.danvan.etl.external;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.etl.regions.Provinces;
import vn.danvan.etl.regions.RegionRow;

/**
 * The 63 provinces before 2025-07-01 in GSO order, as the project ships them. Published tables
 * that number provinces {@code P01..P63} (PAPI) number them in this order: {@code P01} is 01 Hà
 * Nội, {@code P02} 02 Hà Giang, {@code P03} 04 Cao Bằng, ... {@code P63} 96 Cà Mau. The join is on
 * this order, never on the spelled names (the sources spell them without diacritics, and two
 * official lists place tones differently).
 */
final class ProvinceOrder {
  static final int PROVINCES = 63;
  private static final Pattern P_CODE = Pattern.compile("P(\\d{2})");

  private final List<String> codes;

  private ProvinceOrder(List<String> codes) {
    if (codes.size() != PROVINCES) {
      throw new IllegalStateException("expected " + PROVINCES + " provinces before the reform, found "
          + codes.size());
    }
    this.codes = List.copyOf(codes);
  }

  /** The shipped old provinces (valid until 2025-06-30), sorted by GSO code. */
  static ProvinceOrder shipped() {
    return new ProvinceOrder(Provinces.regions().stream()
        .filter(r -> r.level().equals("province") && r.validTo() != null)
        .map(RegionRow::code).sorted().toList());
  }

  /** The GSO code of {@code P01..P63}. */
  String codeOf(String pCode) {
    Matcher m = P_CODE.matcher(pCode == null ? "" : pCode.strip());
    int n = m.matches() ? Integer.parseInt(m.group(1)) : 0;
    if (n < 1 || n > PROVINCES) {
      throw new IllegalArgumentException("'" + pCode + "' is not a province number P01..P" + PROVINCES);
    }
    return codes.get(n - 1);
  }

  /** Whether {@code code} is one of the 63 GSO codes. */
  boolean contains(String code) {
    return codes.contains(code);
  }

  List<String> codes() {
    return codes;
  }
}
