package vn.danvan.warehouse.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.danvan.catalogue.Indicator;
import vn.danvan.contract.Column;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRules;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.warehouse.intake.ServedReferences.Unit;

/**
 * The Excel workbook a reporter fills: its first sheet is exactly the data contract's header row
 * of one table (so a filled template loads unchanged), with drop-down lists for every vocabulary,
 * the indicator codes, the campaigns and the region codes of the reporter's scope, date columns
 * formatted as dates and code columns as text (so {@code 01} stays {@code 01}); the second sheet
 * explains every column in Vietnamese with an example row; the third lists the codes with their
 * Vietnamese names (the drop-downs read it).
 */
public final class Template {
  /** The first sheet's rows that carry drop-downs and formats: a half-year of a province's communes. */
  static final int ROWS = 10_000;
  public static final String GUIDE_SHEET = "huong_dan";
  public static final String LISTS_SHEET = "danh_muc";
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * What a template offers.
   *
   * @param units the unit versions of the reporter's scope
   * @param indicators the indicators rows may name (the catalogue's landing indicators)
   * @param campaigns the campaigns of the served snapshot
   * @param year when present, only the units valid in that year are offered
   */
  public record Request(Table table, String scope, List<Unit> units, List<Indicator> indicators,
      List<String> campaigns, OptionalInt year) {
    public Request {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(scope, "scope");
      if (!DryRun.TABLES.contains(table)) {
        throw new IllegalArgumentException("no template for table " + table.folder() + "; tables: "
            + String.join(", ", DryRun.TABLES.stream().map(Table::folder).toList()));
      }
      units = List.copyOf(units);
      indicators = List.copyOf(indicators);
      campaigns = List.copyOf(campaigns);
      Objects.requireNonNull(year, "year");
    }
  }

  private Template() {}

  public static void write(Request request, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet data = book.createSheet(request.table().folder());
      Sheet guide = book.createSheet(GUIDE_SHEET);
      Sheet lists = book.createSheet(LISTS_SHEET);
      Map<String, String> listRanges = lists(lists, request);
      header(book, data, request.table());
      CellStyle text = book.createCellStyle();
      text.setDataFormat(book.createDataFormat().getFormat("@"));
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      DataValidationHelper helper = data.getDataValidationHelper();
      List<Column> columns = request.table().columns();
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        switch (column.type()) {
          case DATE -> data.setDefaultColumnStyle(c, date);
          case CODE, STRING -> data.setDefaultColumnStyle(c, text);
          default -> { }
        }
        data.setColumnWidth(c, 18 * 256);
        String range = listRanges.get(column.name());
        if (range != null) {
          DataValidation v = helper.createValidation(helper.createFormulaListConstraint(range),
              new CellRangeAddressList(1, ROWS, c, c));
          v.setShowErrorBox(true);
          v.createErrorBox("Giá trị không có trong danh sách", "Hãy chọn một giá trị trong danh sách thả xuống"
              + " (tên tiếng Việt ở trang " + LISTS_SHEET + ").");
          v.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
          data.addValidationData(v);
        }
      }
      data.createFreezePane(0, 1);
      guide(book, guide, request.table());
      book.write(out);
    }
  }

  private static void header(XSSFWorkbook book, Sheet data, Table table) {
    CellStyle bold = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = data.createRow(0);
    List<String> names = table.columnNames();
    for (int c = 0; c < names.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(names.get(c));
      cell.setCellStyle(bold);
    }
  }

  /** Writes the lists (code, name) side by side; returns each column's list as a range formula. */
  private static Map<String, String> lists(Sheet sheet, Request request) {
    Map<String, Map<String, String>> lists = new LinkedHashMap<>();
    Table table = request.table();
    if (table.column("region_code").isPresent()) {
      lists.put("region_code", regions(request));
    }
    if (RowRules.isIndicator(table, "indicator")) {
      Map<String, String> indicators = new LinkedHashMap<>();
      request.indicators().forEach(i -> indicators.put(i.code(), i.nameVi() + " (" + i.unit() + ")"));
      lists.put("indicator", indicators);
    }
    if (table.column("campaign_code").isPresent()) {
      Map<String, String> campaigns = new LinkedHashMap<>();
      request.campaigns().forEach(code -> campaigns.put(code, ""));
      lists.put("campaign_code", campaigns);
    }
    for (String column : table.columnNames()) {
      RowRules.vocabulary(table, column).ifPresent(codes -> {
        Map<String, String> vocabulary = new LinkedHashMap<>();
        new TreeSet<>(codes).forEach(code -> vocabulary.put(code, ""));
        lists.put(column, vocabulary);
      });
    }
    Map<String, String> ranges = new LinkedHashMap<>();
    Row top = sheet.createRow(0);
    int col = 0;
    for (Map.Entry<String, Map<String, String>> list : lists.entrySet()) {
      top.createCell(col).setCellValue(list.getKey());
      top.createCell(col + 1).setCellValue("tên / ý nghĩa");
      int r = 1;
      for (Map.Entry<String, String> e : list.getValue().entrySet()) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(col).setCellValue(e.getKey());
        row.createCell(col + 1).setCellValue(e.getValue());
        r++;
      }
      if (r > 1) {
        String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
        ranges.put(list.getKey(), LISTS_SHEET + "!$" + letter + "$2:$" + letter + "$" + r);
      }
      sheet.setColumnWidth(col, 16 * 256);
      sheet.setColumnWidth(col + 1, 40 * 256);
      col += 2;
    }
    return ranges;
  }

  /** The scope's units (of the year, when one is asked), each code once, named by its latest version. */
  private static Map<String, String> regions(Request request) {
    Map<String, String> named = new LinkedHashMap<>();
    for (Unit u : request.units()) {
      if (request.year().isPresent()) {
        LocalDate first = LocalDate.of(request.year().getAsInt(), 1, 1);
        LocalDate last = LocalDate.of(request.year().getAsInt(), 12, 31);
        if (u.validFrom() != null && u.validFrom().isAfter(last) || u.validTo() != null && u.validTo().isBefore(first)) {
          continue;
        }
      }
      named.put(u.code(), u.name() + " (" + u.level() + (u.validTo() != null ? ", đến " + u.validTo() : "") + ")");
    }
    return named;
  }

  private static void guide(XSSFWorkbook book, Sheet guide, Table table) {
    List<String> head = List.of("Cột", "Bắt buộc", "Ý nghĩa", "Ví dụ");
    Row top = guide.createRow(0);
    for (int c = 0; c < head.size(); c++) {
      top.createCell(c).setCellValue(head.get(c));
    }
    List<String> examples = new ArrayList<>();
    int r = 1;
    for (Column column : table.columns()) {
      ColumnGuide.Entry entry = ColumnGuide.of(table, column.name());
      Row row = guide.createRow(r++);
      row.createCell(0).setCellValue(column.name());
      row.createCell(1).setCellValue(column.required() ? "có" : "không");
      row.createCell(2).setCellValue(entry.meaning());
      row.createCell(3).setCellValue(entry.example());
      examples.add(entry.example());
    }
    r++;
    guide.createRow(r++).createCell(0).setCellValue("Dòng ví dụ (chép vào trang " + table.folder()
        + " dưới dòng tiêu đề, mỗi hoạt động / số liệu một dòng):");
    Row names = guide.createRow(r++);
    Row example = guide.createRow(r);
    for (int c = 0; c < examples.size(); c++) {
      names.createCell(c).setCellValue(table.columnNames().get(c));
      example.createCell(c).setCellValue(examples.get(c));
    }
    guide.setColumnWidth(0, 20 * 256);
    guide.setColumnWidth(2, 90 * 256);
    guide.setColumnWidth(3, 30 * 256);
  }
}
