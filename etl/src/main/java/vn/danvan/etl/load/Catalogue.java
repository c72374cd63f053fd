package vn.danvan.etl.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** The indicator codes of the catalogue the jar ships; report values and targets must use one. */
final class Catalogue {
  private Catalogue() {}

  static final String RESOURCE = "vn/danvan/catalogue/indicators.csv";

  static Set<String> indicatorCodes() {
    InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + RESOURCE);
    }
    Set<String> codes = new LinkedHashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.replace("\uFEFF", "").startsWith("code,")) {
        throw new IllegalStateException(RESOURCE + " does not start with a 'code' column");
      }
      for (String line; (line = reader.readLine()) != null; ) {
        int comma = line.indexOf(',');
        String code = (comma < 0 ? line : line.substring(0, comma)).trim();
        if (!code.isEmpty()) {
          codes.add(code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Set.copyOf(codes);
  }
}
