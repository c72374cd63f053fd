package vn.danvan.etl.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.Failure;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.checks.RowCheck;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.landing.LandingEncoding;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * A landing folder checked row by row without Spark, the way an upload is checked before it is
 * loaded: each file read in plain Java (CSV, JSON Lines, XLSX), its header mapped by the load's
 * rules, and every row given to the contract's {@link RowCheck}. The tests compare the outcome
 * with the load's quarantine.
 */
final class PlainRowChecks {
  private PlainRowChecks() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One landing row: its key as the quarantine writes it, its failed checks and warnings. */
  record Verdict(Table table, String rowKey, List<String> failed, List<String> warnings) {}

  static List<Verdict> check(Path landing, LocalDate asOf, Indicators indicators) {
    List<Verdict> out = new ArrayList<>();
    Landing scanned = Landing.scan(landing);
    for (Table table : Table.values()) {
      for (LandingFile file : scanned.files(table)) {
        for (Map<String, String> row : rows(file)) {
          List<String> failed = RowCheck.check(table, row, asOf, indicators).stream()
              .map(Failure::check).toList();
          out.add(new Verdict(table, rowKey(table, row), failed,
              RowCheck.warnings(table, row, asOf, indicators)));
        }
      }
    }
    return out;
  }

  private static String rowKey(Table table, Map<String, String> row) {
    return String.join("|", table.key().stream().map(k -> row.get(k) == null ? "" : row.get(k)).toList());
  }

  /** Contract column to text as written, and {@link RowCheck#MALFORMED} for a broken line. */
  private static List<Map<String, String>> rows(LandingFile file) {
    try {
      return switch (file.format()) {
        case CSV -> csv(file);
        case JSON -> json(file);
        case XLSX -> xlsx(file);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, String>> csv(LandingFile file) throws IOException {
    // a UTF-16 file is read as the text of its UTF-8 copy, as the load reads it
    List<List<String>> lines = (LandingEncoding.of(file.path()) == LandingEncoding.Encoding.UTF_8
        ? ContractCsvReader.read(file.path())
        : ContractCsvReader.parse(LandingEncoding.contractText(file.path()), file.relative())).stream()
        .map(ContractCsvReader.Row::fields).toList();
    return cells(file, lines.get(0), lines.subList(1, lines.size()));
  }

  private static List<Map<String, String>> xlsx(LandingFile file) {
    XlsxSheet.Content content = XlsxSheet.read(file.path());
    return cells(file.withHeader(content.header()), content.header(),
        content.lines().stream().map(XlsxSheet.Line::cells).toList());
  }

  private static List<Map<String, String>> cells(LandingFile file, List<String> header,
      List<List<String>> lines) {
    Map<String, String> mapping = HeaderRules.mapping(file);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> line : lines) {
      Map<String, String> row = new HashMap<>();
      mapping.forEach((column, source) -> {
        int at = header.indexOf(source);
        row.put(column, at < line.size() ? line.get(at) : null);
      });
      if (line.size() > header.size()) {
        row.put(RowCheck.MALFORMED, String.join(",", line.stream().map(v -> v == null ? "" : v).toList()));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> json(LandingFile file) throws IOException {
    Map<String, String> mapping = HeaderRules.mapping(file);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> row = new HashMap<>();
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException broken) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        row.put(RowCheck.MALFORMED, line);
      } else {
        JsonNode object = node;
        mapping.forEach((column, key) -> {
          JsonNode v = object.get(key);
          row.put(column, v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString());
        });
      }
      rows.add(row);
    }
    return rows;
  }
}
