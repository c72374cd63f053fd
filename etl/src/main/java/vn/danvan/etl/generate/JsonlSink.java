package vn.danvan.etl.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.danvan.contract.Column;
import vn.danvan.contract.Table;

/**
 * A JSON Lines landing file, as an export from a social-media tool would look: one object per row,
 * counts as JSON numbers (a value that is not a number stays a string), empty optional fields left
 * out, empty required fields written {@code null} (so every file still names every required key).
 */
final class JsonlSink implements RowSink {
  private final Path path;
  private final Writer out;
  private final String[] keys;
  private final boolean[] numeric;
  private final boolean[] required;
  private final StringBuilder line = new StringBuilder(512);

  JsonlSink(Path path, Table table) throws IOException {
    this.path = path;
    Files.createDirectories(path.toAbsolutePath().getParent());
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8),
        1 << 17);
    List<Column> columns = table.columns();
    keys = new String[columns.size()];
    numeric = new boolean[columns.size()];
    required = new boolean[columns.size()];
    for (int i = 0; i < keys.length; i++) {
      Column c = columns.get(i);
      keys[i] = "\"" + c.name() + "\":";
      numeric[i] = switch (c.type()) {
        case COUNT, MONEY, DECIMAL, FRACTION, WEIGHT -> true;
        default -> false;
      };
      required[i] = c.required();
    }
  }

  @Override
  public void write(String[] row, boolean extraField) throws IOException {
    if (extraField) {
      throw new IllegalStateException("a JSON Lines row cannot carry an extra field: " + path);
    }
    line.setLength(0);
    line.append('{');
    boolean first = true;
    for (int i = 0; i < row.length; i++) {
      String v = row[i];
      boolean empty = v == null || v.isEmpty();
      if (empty && !required[i]) {
        continue;
      }
      if (!first) {
        line.append(',');
      }
      first = false;
      line.append(keys[i]);
      if (empty) {
        line.append("null");
      } else if (numeric[i] && isNumber(v)) {
        line.append(v);
      } else {
        quote(line, v);
      }
    }
    line.append("}\n");
    out.append(line);
  }

  /** A plain JSON number: optional minus, digits, optional fraction. */
  static boolean isNumber(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    if (i >= v.length() || v.charAt(i) == '.' || (v.charAt(i) == '0' && i + 1 < v.length() && v.charAt(i + 1) != '.')) {
      return false;
    }
    boolean dot = false;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.' && !dot && i + 1 < v.length()) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static void quote(StringBuilder s, String v) {
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }

  @Override
  public boolean canCarryExtraField() {
    return false;
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
