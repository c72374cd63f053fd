package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.function.IntPredicate;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;

/**
 * The region half of "the nearest report wins" (docs/marts.md) for one slice: bottom-up through
 * both eras' trees, a node's figure is its own report if it has one, else its children's figures
 * plus the records naming it; as reported, and restated onto the 2025 units.
 */
final class TreeWalk implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final Boundaries REPORTED = Boundaries.REPORTED;
  private static final Boundaries RESTATED = Boundaries.RESTATED_2025;

  private final RegionTrees trees;
  private final Lineage lineage;

  TreeWalk(RegionTrees trees, Lineage lineage) {
    this.trees = trees;
    this.lineage = lineage;
  }

  /** One slice through both eras' trees, added into the figures of its point, by {@link Places place}. */
  void walk(SliceFacts f, IdMap out) {
    IdMap districtRecords = at(f.oldRecords, Level.DISTRICT);
    IdMap oldProvinceRecords = at(f.oldRecords, Level.PROVINCE);
    IdMap newCommuneRecords = at(f.newRecords, Level.COMMUNE);
    IdMap oldCommunes = combine(f.oldReports, Level.COMMUNE, at(f.oldRecords, Level.COMMUNE));
    IdMap districts = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(oldCommunes, Level.DISTRICT), districtRecords));
    IdMap oldProvinces = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districts, Level.PROVINCE), upOld(oldCommunes, Level.PROVINCE), oldProvinceRecords));
    IdMap newCommunes = combine(f.newReports, Level.COMMUNE, newCommuneRecords);
    IdMap newProvinceParts = sum(up(newCommunes, true, Level.PROVINCE),
        at(f.newRecords, Level.PROVINCE));
    // Restated, an old commune's figures follow its own lineage when nothing above it reported
    // (it may have moved to another new province than its old one); the rest of an old province's
    // figure (its own report, or its districts' reports and records, its own records and the
    // communes without lineage) moves whole with the province.
    IdMap unlinked = new IdMap();
    IdMap free = new IdMap();
    oldCommunes.forEach((id, figure) -> {
      if (!lineage.hasCommune(id)) {
        unlinked.put(id, figure);
      } else if (!belowAReport(id, f.oldReports)) {
        free.put(id, figure);
      }
    });
    IdMap districtRest = combine(f.oldReports, Level.DISTRICT,
        sum(upOld(unlinked, Level.DISTRICT), districtRecords));
    IdMap provinceRest = combine(f.oldReports, Level.PROVINCE,
        sum(upOld(districtRest, Level.PROVINCE), upOld(unlinked, Level.PROVINCE), oldProvinceRecords));
    IdMap provinces2025 = combine(f.newReports, Level.PROVINCE, sum(newProvinceParts,
        lineage.provincesIntoProvinces(provinceRest), lineage.communesOntoProvinces(free)));
    IdMap communes2025 = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, lineage.communesOntoCommunes(oldCommunes)));
    // As reported, a code of both eras is one series, its new unit standing for its old one
    IdMap provincesReported = combine(f.newReports, Level.PROVINCE,
        sum(newProvinceParts, sameCode(oldProvinces, trees::isNewProvince, true)));
    IdMap communesReported = combine(f.newReports, Level.COMMUNE,
        sum(newCommuneRecords, sameCode(oldCommunes, trees::isNewCommune, true)));
    Figure nation = new Figure();
    provinces2025.forEach((id, p) -> nation.add(p));

    if (!provinces2025.isEmpty()) {
      emit(out, REPORTED, Level.NATION, Places.NATION, nation);
      emit(out, RESTATED, Level.NATION, Places.NATION, nation);
    }
    emit(out, REPORTED, Level.PROVINCE, provincesReported);
    emit(out, REPORTED, Level.PROVINCE, sameCode(oldProvinces, trees::isNewProvince, false));
    emit(out, REPORTED, Level.DISTRICT, districts);
    emit(out, REPORTED, Level.COMMUNE, communesReported);
    emit(out, REPORTED, Level.COMMUNE, sameCode(oldCommunes, trees::isNewCommune, false));
    emit(out, RESTATED, Level.PROVINCE, provinces2025);
    emit(out, RESTATED, Level.COMMUNE, communes2025);
  }

  private static void emit(IdMap out, Boundaries mode, Level level, IdMap figures) {
    figures.forEach((id, f) -> emit(out, mode, level, id, f));
  }

  private static void emit(IdMap out, Boundaries mode, Level level, int id, Figure f) {
    out.figure(Places.of(mode, level, id)).add(f);
  }

  /** The node's own report where it has one, else what its parts add up to. */
  private IdMap combine(IdMap own, Level level, IdMap parts) {
    IdMap m = parts.copy();
    m.putAll(at(own, level));
    return m;
  }

  /** Sums the figures of the same region; what went into any part went into the sum. */
  private static IdMap sum(IdMap... parts) {
    int largest = 0;
    for (IdMap part : parts) {
      largest = Math.max(largest, part.size());
    }
    IdMap m = new IdMap(largest);
    for (IdMap part : parts) {
      part.forEach((id, f) -> m.figure(id).add(f));
    }
    return m;
  }

  /** The figures of the regions at a level. */
  private IdMap at(IdMap figures, Level level) {
    IdMap m = new IdMap(figures.size());
    figures.forEach((id, f) -> {
      if (trees.isAt(id, level)) {
        m.put(id, f);
      }
    });
    return m;
  }

  private IdMap upOld(IdMap figures, Level parentLevel) {
    return up(figures, false, parentLevel);
  }

  /** Figures moved onto their node's parent where that is at {@code parentLevel}; else dropped. */
  private IdMap up(IdMap figures, boolean newEra, Level parentLevel) {
    IdMap m = new IdMap();
    figures.forEach((id, f) -> {
      int p = newEra ? trees.newParent(id) : trees.oldParent(id);
      if (p != RegionTrees.NONE && trees.isAt(p, parentLevel)) {
        m.figure(p).add(f);
      }
    });
    return m;
  }

  /** Whether an old commune's district or province has an own report in the slice. */
  private boolean belowAReport(int commune, IdMap oldReports) {
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
  private static IdMap sameCode(IdMap old, IntPredicate isNew, boolean taken) {
    IdMap m = new IdMap(old.size());
    old.forEach((id, f) -> {
      if (isNew.test(id) == taken) {
        m.put(id, f);
      }
    });
    return m;
  }
}
