package vn.danvan.etl.load;

import java.util.Comparator;
import java.util.Map;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

/** The table a person reads after a load: counts per table and the most frequent reasons. */
public final class LoadSummary {
  private LoadSummary() {}

  static final int TOP_REASONS = 5;

  public static String of(LoadReport report) {
    StringBuilder s = new StringBuilder();
    String row = "%-18s %12s %12s %12s %14s%n";
    s.append(String.format(row, "table", "read", "landed", "quarantined", "rows in lake"));
    for (Map.Entry<Table, Counts> e : report.tables().entrySet()) {
      Counts c = e.getValue();
      s.append(String.format(row, e.getKey().folder(), n(c.read()), n(c.landed()),
          n(c.quarantined()), n(c.rowsInLake())));
    }
    s.append(String.format(row, "total", n(report.totalRead()), n(report.totalLanded()),
        n(report.totalQuarantined()), n(report.totalRowsInLake())));
    Map<Reason, Long> reasons = report.quarantinedByReason();
    if (reasons.isEmpty()) {
      s.append("no row quarantined").append(System.lineSeparator());
    } else {
      s.append("top quarantine reasons:").append(System.lineSeparator());
      reasons.entrySet().stream()
          .sorted(Map.Entry.<Reason, Long>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_REASONS)
          .forEach(e -> s.append(String.format("  %-26s %12s%n", e.getKey().code(), n(e.getValue()))));
    }
    if (!report.parts().isEmpty()) {
      s.append("what this load wrote (the rest are hard links to the previous snapshot's files):")
          .append(System.lineSeparator());
      report.parts().forEach((name, p) -> {
        String years = p.action() == LoadReport.Action.PARTITIONS
            ? " years " + p.rewrittenYears() + (p.rewrittenPeriods().isEmpty() ? "" : " (" + String.join(", ",
                p.rewrittenPeriods()) + ")") + ", linked " + p.linkedYears() : "";
        s.append(String.format("  %-18s %-10s%s%s%n", name, p.action().code(), years,
            p.reason().isEmpty() ? "" : ": " + p.reason()));
      });
    }
    if (!report.seconds().isEmpty()) {
      s.append("seconds:");
      report.seconds().forEach((stage, t) -> s.append(String.format(java.util.Locale.ROOT, " %s %.1f", stage, t)));
      s.append(System.lineSeparator());
    }
    return s.toString();
  }

  private static String n(long value) {
    return String.format("%,d", value);
  }
}
