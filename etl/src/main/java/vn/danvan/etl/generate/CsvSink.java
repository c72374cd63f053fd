package vn.danvan.etl.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.danvan.contract.Table;
import vn.danvan.etl.regions.ContractCsv;

/**
 * A CSV landing file: UTF-8 (optionally with a BOM, as Excel writes it), or UTF-16 with its BOM
 * (as Excel's "Unicode Text"), RFC 4180 quoting.
 */
final class CsvSink implements RowSink {
  private final Path path;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(512);

  CsvSink(Path path, Table table, boolean bom) throws IOException {
    this(path, table, bom, false);
  }

  CsvSink(Path path, Table table, boolean bom, boolean utf16) throws IOException {
    this.path = path;
    Files.createDirectories(path.toAbsolutePath().getParent());
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
        utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8), 1 << 17);
    if (bom || utf16) {
      out.write('\uFEFF');
    }
    write(table.columnNames().toArray(String[]::new), false);
  }

  @Override
  public void write(String[] row, boolean extraField) throws IOException {
    line.setLength(0);
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      ContractCsv.appendField(line, row[i]);
    }
    if (extraField) {
      line.append(",x");
    }
    line.append('\n');
    out.append(line);
  }

  /** Appends a line already formatted as CSV (the resubmitted duplicates). */
  void writeRaw(CharSequence lines) throws IOException {
    out.append(lines);
  }

  /** Formats one row as a CSV line (with its line end), as {@link #write} would write it. */
  static void format(StringBuilder into, String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        into.append(',');
      }
      ContractCsv.appendField(into, row[i]);
    }
    into.append('\n');
  }

  @Override
  public boolean canCarryExtraField() {
    return true;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
