package vn.danvan.etl.marts;

import static vn.danvan.etl.marts.RegionTrees.isAt;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;
import vn.danvan.etl.marts.Rollup.Place;

/**
 * The region half of "the nearest report wins" (docs/marts.md) for one slice: bottom-up through
 * both eras' trees, a node's figure is its own report if it has one, else its children's figures
 * plus the records naming it; as reported, and restated onto the 2025 units.
 */
final class TreeWalk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String REPORTED = Boundaries.REPORTED.code();
  private static final String RESTATED = Boundaries.RESTATED_2025.code();

  private final RegionTrees trees;
  private final Lineage lineage;

  TreeWalk(RegionTrees trees, Lineage lineage) {
    this.trees = trees;
    this.lineage = lineage;
  }

  /** One slice through both eras' trees, added into the figures of its point. */
  void walk(SliceFacts f, Map<Place, Figure> out) {
    Map<String, Figure> districtRecords = at(f.oldRecords, Level.DISTRICT);
    Map<String, Figure> oldProvinceRecords = at(f.oldRecords, Level.PROVINCE);
    Map<String, Figure> newCommuneRecords = at(f.newRecords, Level.COMMUNE);
    Map<String, Figure> oldCommunes = combine(f.oldReports, Level.COMMUNE, at(f.oldRecords, Level.COMMUNE));
    Map<String, Figure> districts = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(oldCommunes, Level.DISTRICT), districtRecords));
    Map<String, Figure> oldProvinces = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districts, Level.PROVINCE), upOld(oldCommunes, Level.PROVINCE), oldProvinceRecords));
    Map<String, Figure> newCommunes = combine(f.newReports, Level.COMMUNE, newCommuneRecords);
    Map<String, Figure> newProvinceParts = sum(up(newCommunes, trees.newParents(), Level.PROVINCE),
        at(f.newRecords, Level.PROVINCE));
    // Restated, an old commune's figures follow its own lineage when nothing above it reported
    // (it may have moved to another new province than its old one); the rest of an old province's
    // figure (its own report, or its districts' reports and records, its own records and the
    // communes without lineage) moves whole with the province.
    Map<String, Figure> unlinked = new HashMap<>();
    Map<String, Figure> free = new HashMap<>();
    oldCommunes.forEach((code, figure) -> {
      if (!lineage.hasCommune(code)) {
        unlinked.put(code, figure);
      } else if (!belowAReport(code, f.oldReports)) {
        free.put(code, figure);
      }
    });
    Map<String, Figure> districtRest = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(unlinked, Level.DISTRICT), districtRecords));
    Map<String, Figure> provinceRest = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districtRest, Level.PROVINCE), upOld(unlinked, Level.PROVINCE), oldProvinceRecords));
    Map<String, Figure> provinces2025 = combine(f.newReports, Level.PROVINCE, sum(newProvinceParts,
        lineage.provincesIntoProvinces(provinceRest), lineage.communesOntoProvinces(free)));
    Map<String, Figure> communes2025 = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, lineage.communesOntoCommunes(oldCommunes)));
    // As reported, a code of both eras is one series, its new unit standing for its old one
    Map<String, Figure> provincesReported = combine(f.newReports, Level.PROVINCE,
        sum(newProvinceParts, sameCode(oldProvinces, trees.newProvinceCodes(), true)));
    Map<String, Figure> communesReported = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, sameCode(oldCommunes, trees.newCommuneCodes(), true)));
    Figure nation = new Figure();
    provinces2025.values().forEach(nation::add);

    if (!provinces2025.isEmpty()) {
      emit(out, REPORTED, Level.NATION, Map.of(Level.NATION_CODE, nation));
      emit(out, RESTATED, Level.NATION, Map.of(Level.NATION_CODE, nation));
    }
    emit(out, REPORTED, Level.PROVINCE, provincesReported);
    emit(out, REPORTED, Level.PROVINCE, sameCode(oldProvinces, trees.newProvinceCodes(), false));
    emit(out, REPORTED, Level.DISTRICT, districts);
    emit(out, REPORTED, Level.COMMUNE, communesReported);
    emit(out, REPORTED, Level.COMMUNE, sameCode(oldCommunes, trees.newCommuneCodes(), false));
    emit(out, RESTATED, Level.PROVINCE, provinces2025);
    emit(out, RESTATED, Level.COMMUNE, communes2025);
  }

  private static void emit(Map<Place, Figure> out, String boundaries, Level level, Map<String, Figure> figures) {
    figures.forEach((code, f) -> out.computeIfAbsent(new Place(boundaries, level.code(), code), p -> new Figure())
        .add(f));
  }

  /** The node's own report where it has one, else what its parts add up to. */
  private static Map<String, Figure> combine(Map<String, Figure> own, Level level, Map<String, Figure> parts) {
    Map<String, Figure> m = new HashMap<>(parts);
    m.putAll(at(own, level));
    return m;
  }

  /** Sums the figures of the same code; what went into any part went into the sum. */
  @SafeVarargs
  private static Map<String, Figure> sum(Map<String, Figure>... parts) {
    Map<String, Figure> m = new HashMap<>();
    for (Map<String, Figure> part : parts) {
      part.forEach((code, f) -> m.computeIfAbsent(code, c -> new Figure()).add(f));
    }
    return m;
  }

  /** The figures of the codes at a level. */
  private static Map<String, Figure> at(Map<String, Figure> figures, Level level) {
    Map<String, Figure> m = new HashMap<>();
    figures.forEach((code, f) -> {
      if (isAt(code, level)) {
        m.put(code, f);
      }
    });
    return m;
  }

  private Map<String, Figure> upOld(Map<String, Figure> figures, Level parentLevel) {
    return up(figures, trees.oldParents(), parentLevel);
  }

  /** Figures moved onto their node's parent where that is at {@code parentLevel}; else dropped. */
  private static Map<String, Figure> up(Map<String, Figure> figures, Map<String, String> parents,
      Level parentLevel) {
    Map<String, Figure> m = new HashMap<>();
    figures.forEach((code, f) -> {
      String p = parents.get(code);
      if (p != null && isAt(p, parentLevel)) {
        m.computeIfAbsent(p, c -> new Figure()).add(f);
      }
    });
    return m;
  }

  /** Whether an old commune's district or province has an own report in the slice. */
  private boolean belowAReport(String commune, Map<String, Figure> oldReports) {
    String parent = trees.oldParents().get(commune);
    if (parent == null) {
      return false;
    }
    String province = isAt(parent, Level.PROVINCE) ? parent : trees.oldParents().get(parent);
    boolean district = isAt(parent, Level.DISTRICT) && oldReports.containsKey(parent);
    return district || province != null && (isAt(province, Level.PROVINCE) || isAt(province, Level.DISTRICT))
        && oldReports.containsKey(province);
  }

  /** Old nodes whose code a new unit of the same level took over ({@code taken}), or the others. */
  private static Map<String, Figure> sameCode(Map<String, Figure> old, Set<String> newCodes, boolean taken) {
    Map<String, Figure> m = new HashMap<>();
    old.forEach((code, f) -> {
      if (newCodes.contains(code) == taken) {
        m.put(code, f);
      }
    });
    return m;
  }
}
