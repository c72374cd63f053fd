package vn.danvan.etl.external;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;

/**
 * The real PAPI files in ../shared/reference/papi, and a plain reading of them that shares
 * nothing with {@link PapiFiles} (lines split on commas: the files quote nothing), so that the
 * tests check the import against the files themselves.
 */
final class PapiReference {
  private PapiReference() {}

  /** The folder; the calling test is skipped (with the reason) where ../shared is absent. */
  static Path folder() {
    String shared = System.getProperty("danvan.shared");
    assumeThat(shared).as("system property danvan.shared (set by surefire to ../shared)").isNotNull();
    Path dir = Path.of(shared, "reference", "papi");
    assumeThat(Files.isRegularFile(dir.resolve("2011.csv")))
        .as("PAPI files in %s (absent in a fresh clone without ../shared)", dir).isTrue();
    return dir;
  }

  static Set<String> papiIndicators() {
    return IndicatorCatalogue.load().all().stream().filter(Indicator::isExternal).map(Indicator::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The rows of {@code YYYY.csv}, header first, each split on commas with empty fields kept. */
  static List<String[]> rows(int year) {
    try {
      return Files.readAllLines(folder().resolve(year + ".csv"), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank()).map(l -> l.replace("\uFEFF", "").split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell of province {@code p} (P01..P63) and column {@code code} of a year, "" when blank. */
  static String cell(int year, String p, String code) {
    List<String[]> rows = rows(year);
    int col = Arrays.asList(rows.get(0)).indexOf(code);
    return rows.stream().filter(r -> r[0].equals(p)).findFirst().orElseThrow()[col];
  }
}
