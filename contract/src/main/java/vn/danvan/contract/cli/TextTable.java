package vn.danvan.contract.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for a terminal: columns padded to their widest cell (counted in code points, so that
 * Vietnamese names line up), two spaces apart, the last column unpadded; control characters in a
 * cell (text typed by anyone) shown as a space, null as {@code -}.
 */
public final class TextTable {
  private final List<List<String>> rows = new ArrayList<>();
  private final int columns;

  private TextTable(List<String> header) {
    this.columns = header.size();
    rows.add(List.copyOf(header));
  }

  public static TextTable of(String... header) {
    return new TextTable(List.of(header));
  }

  /** Adds a row of as many cells as the header has. */
  public TextTable row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("a row of " + columns + " cells, not " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(cell == null ? "-" : cell.toString().replaceAll("\\p{Cntrl}", " "));
    }
    rows.add(row);
    return this;
  }

  /** Rows added, the header not counted. */
  public int size() {
    return rows.size() - 1;
  }

  public void print(PrintWriter out) {
    Objects.requireNonNull(out, "out");
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row.get(c));
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - width(row.get(c)) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
