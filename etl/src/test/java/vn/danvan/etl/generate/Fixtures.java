package vn.danvan.etl.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.danvan.contract.Table;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.etl.generate.LandingReader.LandingRow;
import vn.danvan.etl.regions.AdminUnitsImport;

/** Small generated folders for the tests: tiny scales, few years. */
final class Fixtures {
  private Fixtures() {}

  /** The real admin-unit files, or null when ../shared is not at hand. */
  static Path reference() {
    String shared = System.getProperty("danvan.shared");
    if (shared == null) {
      return null;
    }
    Path dir = Path.of(shared, "reference", "admin-units");
    return AdminUnitsImport.present(dir) ? dir : null;
  }

  static GenerateConfig config(Path out, String years, double scale, long seed, Path reference) {
    int[] y = GenerateConfig.parseYears(years);
    return new GenerateConfig(out, y[0], y[1], scale, seed, GenerateConfig.Format.MIXED, reference,
        reference == null ? "test: synthetic" : "test: danvan.shared");
  }

  /** The planted bad rows of a generated folder, as {@code table,row_key}. */
  static Set<String> planted(Path out) throws IOException {
    Set<String> planted = new HashSet<>();
    for (ContractCsvReader.Row row : ContractCsvReader.read(out.resolve("_planted.csv"))) {
      planted.add(row.fields().get(0) + "," + row.fields().get(1));
    }
    return planted;
  }

  /** A table's generated rows that were not planted as bad ones. */
  static List<LandingRow> good(Path out, Set<String> planted, Table t) throws Exception {
    return LandingReader.rows(out, t).stream()
        .filter(r -> !planted.contains(t.folder() + "," + LoaderRules.key(t, r))).toList();
  }

  /** Generates into {@code out}; returns the manifest (the console output is dropped). */
  static Manifest generate(GenerateConfig config) throws Exception {
    return new Generator(config, new PrintWriter(new StringWriter())).run();
  }
}
