package vn.danvan.etl.regions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import vn.danvan.contract.Table;

/**
 * Writes regions and lineage as contract landing files, {@code LANDING/regions/regions.csv} and
 * {@code LANDING/region_lineage/region_lineage.csv}. Shared by {@code regions import} and the demo
 * generator so both write the same bytes for the same units.
 */
public final class RegionFiles {
  private RegionFiles() {}

  /** Writes both files under {@code landing}; returns the paths written. */
  public static List<Path> write(Path landing, List<RegionRow> regions, List<LineageRow> lineage)
      throws IOException {
    Path regionsFile = landing.resolve(Table.REGIONS.folder()).resolve("regions.csv");
    try (ContractCsv.RowWriter out = ContractCsv.open(regionsFile, Table.REGIONS.columnNames(), false)) {
      for (RegionRow r : regions) {
        out.row(r.code(), r.name(), r.level(), r.parentCode(), date(r.validFrom()), date(r.validTo()),
            r.specialArea());
      }
    }
    Path lineageFile = landing.resolve(Table.REGION_LINEAGE.folder()).resolve("region_lineage.csv");
    try (ContractCsv.RowWriter out =
        ContractCsv.open(lineageFile, Table.REGION_LINEAGE.columnNames(), false)) {
      for (LineageRow l : lineage) {
        out.row(l.oldCode(), l.newCode(), date(l.effectiveDate()), l.relation(), weight(l.weight()));
      }
    }
    return List.of(regionsFile, lineageFile);
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /** Plain decimal without trailing zeros: 1.0 is written "1", 0.25 "0.25". */
  static String weight(Double w) {
    if (w == null) {
      return null;
    }
    return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
  }
}
