package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Level;

/**
 * The region trees of both eras, collected on the driver (some 14,000 nodes) and shipped with the
 * roll-up's tasks: each node's parent of the same era, and the codes of the 2025 communes and
 * provinces.
 */
final class RegionTrees implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> oldParents = new HashMap<>();
  private final Map<String, String> newParents = new HashMap<>();
  private final Set<String> newCommuneCodes = new HashSet<>();
  private final Set<String> newProvinceCodes = new HashSet<>();

  /** @param nodes {@code code, era, parent_code}: one row per code and era ({@link Regions#nodes}) */
  RegionTrees(List<Row> nodes) {
    for (Row n : nodes) {
      String code = n.getAs("code");
      boolean newEra = Facts.NEW.equals(n.getAs("era"));
      String parent = n.getAs("parent_code");
      if (parent != null) {
        (newEra ? newParents : oldParents).put(code, parent);
      }
      if (newEra && isAt(code, Level.COMMUNE)) {
        newCommuneCodes.add(code);
      } else if (newEra && isAt(code, Level.PROVINCE)) {
        newProvinceCodes.add(code);
      }
    }
  }

  /** Whether a code has the length of the level's GSO codes. */
  static boolean isAt(String code, Level level) {
    return code.length() == level.codeLength();
  }

  /** A pre-2025 node's parent of the same era. */
  Map<String, String> oldParents() {
    return oldParents;
  }

  /** A 2025 node's parent of the same era. */
  Map<String, String> newParents() {
    return newParents;
  }

  Set<String> newCommuneCodes() {
    return newCommuneCodes;
  }

  Set<String> newProvinceCodes() {
    return newProvinceCodes;
  }
}
