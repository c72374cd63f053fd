package vn.danvan.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; a BOM
 * and CRLF line ends are accepted. Enough for the catalogue, which people edit in spreadsheets.
 */
final class CsvRows {
  /** One record and the line it starts on, so that errors can point at it. */
  record Row(int line, List<String> fields) {
    Row {
      fields = List.copyOf(fields);
    }
  }

  private CsvRows() {}

  /** @throws IllegalArgumentException on an unterminated quote or a stray quote, naming the line */
  static List<Row> parse(String text, String source) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || fieldWasQuoted) {
          throw new IllegalArgumentException(source + " line " + line + ": stray quote in a field");
        }
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        if (!(fields.size() == 1 && fields.get(0).isEmpty() && !fieldWasQuoted)) {
          rows.add(new Row(rowLine, fields));
        }
        fields = new ArrayList<>();
        field.setLength(0);
        fieldWasQuoted = false;
        line++;
        rowLine = line;
      } else {
        if (fieldWasQuoted) {
          throw new IllegalArgumentException(
              source + " line " + line + ": text after the closing quote of a field");
        }
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(source + " line " + rowLine + ": unterminated quoted field");
    }
    if (field.length() > 0 || fieldWasQuoted || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, fields));
    }
    return List.copyOf(rows);
  }
}
