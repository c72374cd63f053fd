package vn.danvan.etl.survey;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a respondent lives, at the levels the survey mart shows: the province of the region code as
 * reported (the unit of the wave's era; a district or commune code is walked up its era's tree),
 * and the 2025 province it lies in (an old province merged whole into one new province, through the
 * same province lineage the indicator marts use).
 */
public final class Geography implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> oldParent;
  private final Map<String, String> newParent;
  private final Map<String, String> newProvinceOf;

  /**
   * @param oldParent parent codes of the units before the reform
   * @param newParent parent codes of the units from the reform on
   * @param newProvinceOf old province code → the 2025 province it merged into
   */
  public Geography(Map<String, String> oldParent, Map<String, String> newParent,
      Map<String, String> newProvinceOf) {
    this.oldParent = Map.copyOf(oldParent);
    this.newParent = Map.copyOf(newParent);
    this.newProvinceOf = Map.copyOf(newProvinceOf);
  }

  /** The province (2-digit code) of a unit of the given era, if its tree reaches one. */
  public Optional<String> province(String code, boolean newEra) {
    Objects.requireNonNull(code, "code");
    Map<String, String> parent = newEra ? newParent : oldParent;
    String c = code;
    for (int depth = 0; depth < 4 && c != null; depth++) {
      if (c.length() == 2) {
        return Optional.of(c);
      }
      c = parent.get(c);
    }
    return Optional.empty();
  }

  /** The 2025 province of a province of the given era (itself from the reform on). */
  public Optional<String> province2025(String province, boolean newEra) {
    return newEra ? Optional.of(province) : Optional.ofNullable(newProvinceOf.get(province));
  }
}
