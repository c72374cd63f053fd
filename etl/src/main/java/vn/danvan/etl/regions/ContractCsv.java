package vn.danvan.etl.regions;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * CSV as the data contract writes it: UTF-8, header row, comma separator, RFC 4180 quoting (a field
 * holding a comma, quote or line break is quoted, quotes doubled), {@code \n} line ends, null as an
 * empty field. The one CSV writer of the project's generators, so regions files written by
 * {@code regions import} and by {@code generate} are byte-identical. What it writes is read back
 * with {@link vn.danvan.contract.csv.ContractCsvReader}.
 */
public final class ContractCsv {
  private static final char BOM = '\uFEFF';

  private ContractCsv() {}

  /** Opens {@code file} (parents created, replaced if present) and writes the header. */
  public static RowWriter open(Path file, List<String> header, boolean withBom) throws IOException {
    Objects.requireNonNull(header, "header");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer out = new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    if (withBom) {
      out.write(BOM);
    }
    RowWriter writer = new RowWriter(out, header.size());
    writer.row(header.toArray(String[]::new));
    return writer;
  }

  /** Appends one field, quoted when RFC 4180 requires it. */
  public static void appendField(StringBuilder line, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!needsQuotes(value)) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** A CSV file being written, one row at a time. */
  public static final class RowWriter implements Closeable {
    private final Writer out;
    private final int width;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    private RowWriter(Writer out, int width) {
      this.out = out;
      this.width = width;
    }

    /** Writes one row; it must have as many values as the header. */
    public void row(String... values) {
      if (values.length != width) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values, header has " + width + ": " + Arrays.asList(values));
      }
      line.setLength(0);
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          line.append(',');
        }
        appendField(line, values[i]);
      }
      line.append('\n');
      try {
        out.append(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      rows++;
    }

    /** Rows written so far, the header included. */
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
