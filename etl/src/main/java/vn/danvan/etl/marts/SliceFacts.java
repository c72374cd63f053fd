package vn.danvan.etl.marts;

import java.util.HashMap;
import java.util.Map;

/**
 * The facts of one slice (indicator, reporting unit, grain, period) by region code: the units'
 * own reports and the records naming them, each apart for the units from before the 2025 reform
 * and those from it on (codes were reused, so the code alone does not tell them apart).
 */
final class SliceFacts {
  final Map<String, Figure> oldReports = new HashMap<>();
  final Map<String, Figure> newReports = new HashMap<>();
  final Map<String, Figure> oldRecords = new HashMap<>();
  final Map<String, Figure> newRecords = new HashMap<>();

  void add(boolean ownReport, boolean newEra, String code, double value) {
    Map<String, Figure> m = ownReport ? (newEra ? newReports : oldReports) : (newEra ? newRecords : oldRecords);
    Figure f = m.computeIfAbsent(code, c -> new Figure());
    f.value += value;
    f.fromReport |= ownReport;
    f.fromRecords |= !ownReport;
  }
}
