package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;
import vn.danvan.etl.marts.Rollup.Place;

/**
 * The region half of "the nearest report wins" (docs/marts.md) for one slice: bottom-up through
 * both eras' trees, a node's figure is its own report if it has one, else its children's figures
 * plus the records naming it; as reported, and restated onto the 2025 units.
 */
final class TreeWalk implements Serializable {
  private static final long serialVersionUID = 2L;
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
    Map<Integer, Figure> districtRecords = at(f.oldRecords, Level.DISTRICT);
    Map<Integer, Figure> oldProvinceRecords = at(f.oldRecords, Level.PROVINCE);
    Map<Integer, Figure> newCommuneRecords = at(f.newRecords, Level.COMMUNE);
    Map<Integer, Figure> oldCommunes = combine(f.oldReports, Level.COMMUNE, at(f.oldRecords, Level.COMMUNE));
    Map<Integer, Figure> districts = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(oldCommunes, Level.DISTRICT), districtRecords));
    Map<Integer, Figure> oldProvinces = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districts, Level.PROVINCE), upOld(oldCommunes, Level.PROVINCE), oldProvinceRecords));
    Map<Integer, Figure> newCommunes = combine(f.newReports, Level.COMMUNE, newCommuneRecords);
    Map<Integer, Figure> newProvinceParts = sum(up(newCommunes, true, Level.PROVINCE),
        at(f.newRecords, Level.PROVINCE));
    // Restated, an old commune's figures follow its own lineage when nothing above it reported
    // (it may have moved to another new province than its old one); the rest of an old province's
    // figure (its own report, or its districts' reports and records, its own records and the
    // communes without lineage) moves whole with the province.
    Map<Integer, Figure> unlinked = new HashMap<>();
    Map<Integer, Figure> free = new HashMap<>();
    oldCommunes.forEach((code, figure) -> {
      if (!lineage.hasCommune(code)) {
        unlinked.put(code, figure);
      } else if (!belowAReport(code, f.oldReports)) {
        free.put(code, figure);
      }
    });
    Map<Integer, Figure> districtRest = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(unlinked, Level.DISTRICT), districtRecords));
    Map<Integer, Figure> provinceRest = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districtRest, Level.PROVINCE), upOld(unlinked, Level.PROVINCE), oldProvinceRecords));
    Map<Integer, Figure> provinces2025 = combine(f.newReports, Level.PROVINCE, sum(newProvinceParts,
        lineage.provincesIntoProvinces(provinceRest), lineage.communesOntoProvinces(free)));
    Map<Integer, Figure> communes2025 = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, lineage.communesOntoCommunes(oldCommunes)));
    // As reported, a code of both eras is one series, its new unit standing for its old one
    Map<Integer, Figure> provincesReported = combine(f.newReports, Level.PROVINCE,
        sum(newProvinceParts, sameCode(oldProvinces, trees::isNewProvince, true)));
    Map<Integer, Figure> communesReported = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, sameCode(oldCommunes, trees::isNewCommune, true)));
    Figure nation = new Figure();
    provinces2025.values().forEach(nation::add);

    if (!provinces2025.isEmpty()) {
      emit(out, REPORTED, Level.NATION, Level.NATION_CODE, nation);
      emit(out, RESTATED, Level.NATION, Level.NATION_CODE, nation);
    }
    emit(out, REPORTED, Level.PROVINCE, provincesReported);
    emit(out, REPORTED, Level.PROVINCE, sameCode(oldProvinces, trees::isNewProvince, false));
    emit(out, REPORTED, Level.DISTRICT, districts);
    emit(out, REPORTED, Level.COMMUNE, communesReported);
    emit(out, REPORTED, Level.COMMUNE, sameCode(oldCommunes, trees::isNewCommune, false));
    emit(out, RESTATED, Level.PROVINCE, provinces2025);
    emit(out, RESTATED, Level.COMMUNE, communes2025);
  }

  private void emit(Map<Place, Figure> out, String boundaries, Level level, Map<Integer, Figure> figures) {
    figures.forEach((id, f) -> emit(out, boundaries, level, trees.code(id), f));
  }

  private static void emit(Map<Place, Figure> out, String boundaries, Level level, String code, Figure f) {
    out.computeIfAbsent(new Place(boundaries, level.code(), code), p -> new Figure()).add(f);
  }

  /** The node's own report where it has one, else what its parts add up to. */
  private Map<Integer, Figure> combine(Map<Integer, Figure> own, Level level, Map<Integer, Figure> parts) {
    Map<Integer, Figure> m = new HashMap<>(parts);
    m.putAll(at(own, level));
    return m;
  }

  /** Sums the figures of the same code; what went into any part went into the sum. */
  @SafeVarargs
  private static Map<Integer, Figure> sum(Map<Integer, Figure>... parts) {
    Map<Integer, Figure> m = new HashMap<>();
    for (Map<Integer, Figure> part : parts) {
      part.forEach((code, f) -> m.computeIfAbsent(code, c -> new Figure()).add(f));
    }
    return m;
  }

  /** The figures of the codes at a level. */
  private Map<Integer, Figure> at(Map<Integer, Figure> figures, Level level) {
    Map<Integer, Figure> m = new HashMap<>();
    figures.forEach((code, f) -> {
      if (trees.isAt(code, level)) {
        m.put(code, f);
      }
    });
    return m;
  }

  private Map<Integer, Figure> upOld(Map<Integer, Figure> figures, Level parentLevel) {
    return up(figures, false, parentLevel);
  }

  /** Figures moved onto their node's parent where that is at {@code parentLevel}; else dropped. */
  private Map<Integer, Figure> up(Map<Integer, Figure> figures, boolean newEra, Level parentLevel) {
    Map<Integer, Figure> m = new HashMap<>();
    figures.forEach((code, f) -> {
      int p = newEra ? trees.newParent(code) : trees.oldParent(code);
      if (p != RegionTrees.NONE && trees.isAt(p, parentLevel)) {
        m.computeIfAbsent(p, c -> new Figure()).add(f);
      }
    });
    return m;
  }

  /** Whether an old commune's district or province has an own report in the slice. */
  private boolean belowAReport(int commune, Map<Integer, Figure> oldReports) {
    int parent = trees.oldParent(commune);
    if (parent == RegionTrees.NONE) {
      return false;
    }
    int province = trees.isAt(parent, Level.PROVINCE) ? parent : trees.oldParent(parent);
    boolean district = trees.isAt(parent, Level.DISTRICT) && oldReports.containsKey(parent);
    return district || province != RegionTrees.NONE
        && (trees.isAt(province, Level.PROVINCE) || trees.isAt(province, Level.DISTRICT))
        && oldReports.containsKey(province);
  }

  /** Old nodes whose code a new unit of the same level took over ({@code taken}), or the others. */
  private static Map<Integer, Figure> sameCode(Map<Integer, Figure> old, IntPredicate isNew, boolean taken) {
    Map<Integer, Figure> m = new HashMap<>();
    old.forEach((code, f) -> {
      if (isNew.test(code) == taken) {
        m.put(code, f);
      }
    });
    return m;
  }
}
