package vn.danvan.contract.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.landing.LandingEncoding;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * Reads an uploaded file into a {@link Sheet} exactly as the load splits it: CSV with the
 * project's CSV reader (a line with more cells than the header is malformed; UTF-16 text decoded by
 * the load's own {@link LandingEncoding}), JSON Lines one
 * object per line (anything else on a line is malformed; a value that is not text is kept as its
 * JSON), XLSX through the shared {@link XlsxSheet}.
 */
final class SheetReader {
  private SheetReader() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A file the intake cannot read at all; the message is in Vietnamese. */
  static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  enum Format { CSV, JSON_LINES, XLSX }

  /** The format a file name says, or null when it is none the load reads. */
  static Format format(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Format.CSV;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return Format.JSON_LINES;
    }
    return n.endsWith(".xlsx") ? Format.XLSX : null;
  }

  static Sheet read(Path file, Format format) throws UnreadableException {
    try {
      return switch (format) {
        case CSV -> csv(file);
        case JSON_LINES -> jsonLines(file);
        case XLSX -> xlsx(file);
      };
    } catch (CharacterCodingException | UncheckedIOException e) {
      throw new UnreadableException("Tệp không đọc được thành văn bản. " + LandingEncoding.SAVE_AS_UTF8, e);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("Không đọc được tệp (" + e.getMessage() + ").", e);
    }
  }

  private static Sheet csv(Path file) throws IOException {
    List<ContractCsvReader.Row> records;
    if (LandingEncoding.of(file) == LandingEncoding.Encoding.UTF_8) {
      try (Reader reader = LandingEncoding.reader(file)) {
        records = ContractCsvReader.read(reader, file.getFileName().toString());
      }
    } else {
      records = ContractCsvReader.parse(LandingEncoding.contractText(file), file.getFileName().toString());
    }
    if (records.isEmpty()) {
      return new Sheet(null, List.of(), List.of());
    }
    List<String> header = records.get(0).fields();
    List<Sheet.Line> lines = new ArrayList<>();
    for (ContractCsvReader.Row r : records.subList(1, records.size())) {
      lines.add(line(r.line(), header, r.fields()));
    }
    return new Sheet(null, header, lines);
  }

  private static Sheet xlsx(Path file) {
    XlsxSheet.Content content = XlsxSheet.read(file);
    List<Sheet.Line> lines = new ArrayList<>();
    for (XlsxSheet.Line l : content.lines()) {
      lines.add(line(l.rowNumber() + 1, content.header(), l.cells()));
    }
    return new Sheet(content.sheet(), content.header(), lines);
  }

  /** Cells by header name (the first of a repeated name), and the line when it has extra cells. */
  private static Sheet.Line line(int row, List<String> header, List<String> cells) {
    Map<String, String> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.putIfAbsent(header.get(i), i < cells.size() ? cells.get(i) : null);
    }
    String malformed = cells.size() > header.size()
        ? String.join(",", cells.stream().map(v -> v == null ? "" : v).toList()) : null;
    return new Sheet.Line(row, byName, malformed);
  }

  private static Sheet jsonLines(Path file) throws IOException {
    List<String> text;
    try (BufferedReader reader = new BufferedReader(LandingEncoding.reader(file))) {
      text = reader.lines().toList();
    }
    TreeSet<String> keys = new TreeSet<>();
    List<Sheet.Line> lines = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      String line = i == 0 && text.get(i).startsWith("\uFEFF") ? text.get(i).substring(1) : text.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException broken) {
        node = null;
      }
      Map<String, String> cells = new HashMap<>();
      if (node == null || !node.isObject()) {
        lines.add(new Sheet.Line(i + 1, cells, line));
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        keys.add(e.getKey());
        cells.put(e.getKey(), v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString());
      }
      lines.add(new Sheet.Line(i + 1, cells, null));
    }
    return new Sheet(null, new ArrayList<>(keys), lines);
  }
}
