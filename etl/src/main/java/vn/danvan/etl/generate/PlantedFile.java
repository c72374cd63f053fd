package vn.danvan.etl.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code OUT/_planted.csv}: {@code table,row_key,reason}, one line per planted bad row, where
 * row_key is the row's key values as written joined by {@code |} and reason the check it fails
 * ({@code Reason#code()}). The loader's quarantine of this folder must equal it exactly.
 */
final class PlantedFile implements AutoCloseable {
  static final String HEADER = "table,row_key,reason";
  private final Writer out;

  PlantedFile(Path path) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8));
    out.write(HEADER + "\n");
  }

  /** Appends lines already formatted as CSV. */
  void append(CharSequence lines) throws IOException {
    out.append(lines);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
