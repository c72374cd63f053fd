package vn.danvan.etl.marts;

import java.util.HashMap;
import java.util.Map;

/**
 * The facts of one slice (indicator, reporting unit, grain, period) by region ({@link RegionTrees}
 * id): the units' own reports and the records naming them, each apart for the units from before
 * the 2025 reform and those from it on (codes were reused, so the code alone does not tell them
 * apart).
 */
final class SliceFacts {
  final Map<Integer, Figure> oldReports = new HashMap<>();
  final Map<Integer, Figure> newReports = new HashMap<>();
  final Map<Integer, Figure> oldRecords = new HashMap<>();
  final Map<Integer, Figure> newRecords = new HashMap<>();

  void add(boolean ownReport, boolean newEra, int region, double value) {
    Map<Integer, Figure> m = ownReport ? (newEra ? newReports : oldReports) : (newEra ? newRecords : oldRecords);
    Figure f = m.computeIfAbsent(region, c -> new Figure());
    f.value += value;
    f.fromReport |= ownReport;
    f.fromRecords |= !ownReport;
  }
}
