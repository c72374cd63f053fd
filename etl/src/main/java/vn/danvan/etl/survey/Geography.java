package vn.danvan.etl.survey;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Level;

/**
 * Where a respondent lives, at every level the survey mart shows: the province, district (before
 * the reform) and commune of the region code as reported (the units of the wave's era; a code is
 * walked up its era's tree), and the 2025 province and commune it lies in. An old province merged
 * whole into one new province, through the same province lineage the indicator marts use; an old
 * commune goes to a 2025 commune only through a single full link (a commune split between several
 * new ones cannot say which of them a respondent lives in).
 */
public final class Geography implements Serializable {
  private static final long serialVersionUID = 2L;
  private final Map<String, String> oldParent;
  private final Map<String, String> newParent;
  private final Map<String, String> newProvinceOf;
  private final Map<String, String> newCommuneOf;

  /** A geography of provinces only (old province → 2025 province), for callers without communes. */
  public Geography(Map<String, String> oldParent, Map<String, String> newParent,
      Map<String, String> newProvinceOf) {
    this(oldParent, newParent, newProvinceOf, Map.of());
  }

  /**
   * @param oldParent parent codes of the units before the reform
   * @param newParent parent codes of the units from the reform on
   * @param newProvinceOf old province code → the 2025 province it merged into
   * @param newCommuneOf old commune code → the 2025 commune it went into whole (single full links only)
   */
  public Geography(Map<String, String> oldParent, Map<String, String> newParent,
      Map<String, String> newProvinceOf, Map<String, String> newCommuneOf) {
    this.oldParent = Map.copyOf(oldParent);
    this.newParent = Map.copyOf(newParent);
    this.newProvinceOf = Map.copyOf(newProvinceOf);
    this.newCommuneOf = Map.copyOf(newCommuneOf);
  }

  /**
   * The units a region code lies in, each null when the code's tree does not reach it.
   *
   * @param district the old district (null from the reform on: the level was abolished)
   * @param province2025 the 2025 province of the reported province
   * @param commune2025 the 2025 commune of the reported commune
   */
  public record Place(String province, String district, String commune, String province2025,
      String commune2025) {}

  /** Every unit of {@code code} (of the given era) at the levels the survey mart shows. */
  public Place place(String code, boolean newEra) {
    Objects.requireNonNull(code, "code");
    Map<String, String> parent = newEra ? newParent : oldParent;
    String province = null;
    String district = null;
    String commune = null;
    String c = code;
    for (int depth = 0; depth < 4 && c != null; depth++) {
      if (c.length() == Level.PROVINCE.codeLength()) {
        province = c;
        break;
      }
      if (c.length() == Level.DISTRICT.codeLength()) {
        district = newEra ? null : c;
      } else if (c.length() == Level.COMMUNE.codeLength()) {
        commune = c;
      }
      c = parent.get(c);
    }
    if (province == null) {
      return new Place(null, null, null, null, null);
    }
    String province2025 = province2025(province, newEra).orElse(null);
    String commune2025 = commune == null ? null : newEra ? commune : newCommuneOf.get(commune);
    return new Place(province, district, commune, province2025, commune2025);
  }

  /** The province (2-digit code) of a unit of the given era, if its tree reaches one. */
  public Optional<String> province(String code, boolean newEra) {
    return Optional.ofNullable(place(code, newEra).province());
  }

  /** The 2025 province of a province of the given era (itself from the reform on). */
  public Optional<String> province2025(String province, boolean newEra) {
    return newEra ? Optional.of(province) : Optional.ofNullable(newProvinceOf.get(province));
  }

  /** The 2025 commune an old commune went into whole (itself from the reform on). */
  public Optional<String> commune2025(String commune, boolean newEra) {
    return newEra ? Optional.of(commune) : Optional.ofNullable(newCommuneOf.get(commune));
  }
}
