package vn.danvan.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether any quoted value of a CSV file holds a line break. Such files need Spark's whole-file
 * parser whatever their size; the others are split by line when they are bigger than one split,
 * which parallelises a big file across cores ({@link RawFrames#wholeFile}). (Splitting a file
 * whose quoted values span lines would silently cut records in two.)
 *
 * <p>Not a CSV reader: it only follows whether a quote is open, byte by byte, and stops at the first
 * line break inside quotes. That runs at disk speed over every landing file before the load starts,
 * and never fails on a malformed row, which is Spark's to quarantine. The header's names are read
 * by {@link vn.danvan.contract.csv.ContractCsvReader}.
 */
final class QuotedLineBreaks {
  private static final int BUFFER = 1 << 20;

  private QuotedLineBreaks() {}

  /** True when a quoted value spans lines (a doubled quote closes and reopens, so it counts as none). */
  static boolean in(Path file) throws IOException {
    boolean inQuotes = false;
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '"') {
            inQuotes = !inQuotes;
          } else if (inQuotes && (b == '\n' || b == '\r')) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
