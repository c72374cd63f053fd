package vn.danvan.etl.marts;

/**
 * The facts of one slice (indicator, reporting unit, grain, period) by region ({@link RegionTrees}
 * id): the units' own reports and the records naming them, each apart for the units from before
 * the 2025 reform and those from it on (codes were reused, so the code alone does not tell them
 * apart).
 */
final class SliceFacts {
  final IdMap oldReports = new IdMap();
  final IdMap newReports = new IdMap();
  final IdMap oldRecords = new IdMap();
  final IdMap newRecords = new IdMap();

  void add(boolean ownReport, boolean newEra, int region, double value) {
    IdMap m = ownReport ? (newEra ? newReports : oldReports) : (newEra ? newRecords : oldRecords);
    Figure f = m.figure(region);
    f.value += value;
    f.fromReport |= ownReport;
    f.fromRecords |= !ownReport;
  }
}
