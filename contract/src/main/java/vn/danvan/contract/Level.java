package vn.danvan.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * A level of the region tree, as {@code regions.level} and the marts' {@code level} column name it.
 * GSO codes tell the level by their length: 2 digits a province, 3 a district, 5 a commune; the
 * nation is {@link #NATION_CODE}.
 */
public enum Level implements Coded {
  NATION(2),
  PROVINCE(2),
  DISTRICT(3),
  COMMUNE(5);

  /** The code of the whole country in the marts. */
  public static final String NATION_CODE = "VN";

  private final int codeLength;
  /** Made once: the roll-up names a level for each of millions of figures. */
  private final String code;

  Level(int codeLength) {
    this.codeLength = codeLength;
    this.code = name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String code() {
    return code;
  }

  /** Digits of a unit's GSO code at this level. */
  public int codeLength() {
    return codeLength;
  }

  /** The level of a unit's code: {@code VN}, or a GSO code of 2, 3 or 5 digits. */
  public static Optional<Level> ofCode(String regionCode) {
    if (NATION_CODE.equals(regionCode)) {
      return Optional.of(NATION);
    }
    if (regionCode == null || !regionCode.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return switch (regionCode.length()) {
      case 2 -> Optional.of(PROVINCE);
      case 3 -> Optional.of(DISTRICT);
      case 5 -> Optional.of(COMMUNE);
      default -> Optional.empty();
    };
  }
}
