package vn.danvan.etl.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.danvan.contract.Table;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.landing.LandingEncoding;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * Reads a generated landing folder back the way the loader sees it: each table's files in path
 * order, every row as its contract columns' text (null = empty), whether it had a field more than
 * the header, and its file. Independent of the generator's writers on purpose.
 */
final class LandingReader {
  private LandingReader() {}

  record LandingRow(Table table, String file, String[] values, boolean extraField) {
    String get(String column) {
      return values[table.columnNames().indexOf(column)];
    }
  }

  /** The header of each file of the table: CSV first line, XLSX first row, JSONL keys of line 1. */
  static List<Path> files(Path landing, Table table) throws IOException {
    Path dir = landing.resolve(table.folder());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<LandingRow> rows(Path landing, Table table) throws IOException {
    List<LandingRow> out = new ArrayList<>();
    for (Path f : files(landing, table)) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv")) {
        List<List<String>> lines = (LandingEncoding.of(f) == LandingEncoding.Encoding.UTF_8
            ? ContractCsvReader.read(f) : ContractCsvReader.parse(LandingEncoding.contractText(f), name)).stream()
            .map(ContractCsvReader.Row::fields).toList();
        List<String> header = lines.get(0);
        for (List<String> line : lines.subList(1, lines.size())) {
          out.add(new LandingRow(table, name, align(table, header, line), line.size() > header.size()));
        }
      } else if (name.endsWith(".jsonl")) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line; (line = r.readLine()) != null; ) {
            JsonNode node = json.readTree(line);
            String[] values = new String[table.columns().size()];
            for (int i = 0; i < values.length; i++) {
              JsonNode v = node.get(table.columnNames().get(i));
              values[i] = v == null || v.isNull() ? null : v.asText();
            }
            out.add(new LandingRow(table, name, values, false));
          }
        }
      } else {
        try (Workbook book = WorkbookFactory.create(f.toFile(), null, true)) {
          Sheet sheet = book.getSheetAt(0);
          List<String> header = cells(sheet.getRow(0), sheet.getRow(0).getLastCellNum());
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = cells(row, Math.max(row.getLastCellNum(), header.size()));
            out.add(new LandingRow(table, name, align(table, header, cells), row.getLastCellNum() > header.size()));
          }
        }
      }
    }
    return out;
  }

  static List<String> xlsxHeader(Path file) throws IOException {
    try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
      Row first = book.getSheetAt(0).getRow(0);
      return cells(first, first.getLastCellNum());
    }
  }

  private static String[] align(Table table, List<String> header, List<String> line) {
    String[] values = new String[table.columns().size()];
    for (int i = 0; i < values.length; i++) {
      int at = header.indexOf(table.columnNames().get(i));
      String v = at >= 0 && at < line.size() ? line.get(at) : null;
      values[i] = v == null || v.isEmpty() ? null : v;
    }
    return values;
  }

  private static List<String> cells(Row row, int width) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      out.add(text(row.getCell(c)));
    }
    return out;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    if (cell.getCellType() == CellType.FORMULA) {
      // the generator plants formulas only without a cached result
      return XlsxSheet.FORMULA_WITHOUT_RESULT + "=" + cell.getCellFormula();
    }
    if (cell.getCellType() == CellType.STRING) {
      return cell.getStringCellValue();
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      double v = cell.getNumericCellValue();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
          : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
    return null;
  }
}
