package vn.danvan.etl.generate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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

  /** Generates into {@code out}; returns the manifest (the console output is dropped). */
  static Manifest generate(GenerateConfig config) throws Exception {
    return new Generator(config, new PrintWriter(new StringWriter())).run();
  }
}
