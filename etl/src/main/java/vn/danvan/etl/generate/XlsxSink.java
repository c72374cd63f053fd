package vn.danvan.etl.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.danvan.contract.Column;
import vn.danvan.contract.Table;
import vn.danvan.contract.landing.XlsxSheet;

/**
 * An XLSX landing file as a person fills it in: codes and ids as text (so {@code 01} keeps its
 * zero), counts and amounts as numbers, dates as date cells; a value that is not what its column
 * expects (a planted bad value) is written as the text it is. Streams rows (POI's SXSSF) so a sheet
 * never sits in memory whole.
 */
final class XlsxSink implements RowSink {
  /** Fixed document dates: POI would otherwise stamp "now" and the bytes would differ per run. */
  private static final Date CREATED =
      Date.from(LocalDate.of(2026, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC));

  private final Path path;
  private final SXSSFWorkbook book = new SXSSFWorkbook(200);
  private final Sheet sheet;
  private final CellStyle dateStyle;
  private final Column.Type[] types;
  private int next;

  XlsxSink(Path path, Table table) throws IOException {
    this.path = path;
    Files.createDirectories(path.toAbsolutePath().getParent());
    book.setCompressTempFiles(true);
    sheet = book.createSheet(table.folder());
    dateStyle = book.createCellStyle();
    dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
    List<Column> columns = table.columns();
    types = new Column.Type[columns.size()];
    Row header = sheet.createRow(next++);
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).type();
      header.createCell(i).setCellValue(columns.get(i).name());
    }
  }

  @Override
  public void write(String[] values, boolean extraField) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      if (v == null || v.isEmpty()) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (v.startsWith(XlsxSheet.FORMULA_WITHOUT_RESULT)) {
        // a formula whose cached result is an empty text: the file stores no <v>, as a program
        // that never calculates writes it
        cell.setCellFormula(v.substring(XlsxSheet.FORMULA_WITHOUT_RESULT.length() + 1));
        cell.setCellValue("");
        continue;
      }
      switch (types[i]) {
        case COUNT, MONEY, DECIMAL, FRACTION, WEIGHT, YEAR -> {
          if (JsonlSink.isNumber(v)) {
            cell.setCellValue(Double.parseDouble(v));
          } else {
            cell.setCellValue(v);
          }
        }
        case DATE -> {
          LocalDate date = date(v);
          if (date != null) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
          } else {
            cell.setCellValue(v);
          }
        }
        default -> cell.setCellValue(v);
      }
    }
    if (extraField) {
      row.createCell(values.length).setCellValue("x");
    }
  }

  private static LocalDate date(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public boolean canCarryExtraField() {
    return true;
  }

  @Override
  public boolean canCarryFormula() {
    return true;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      var core = book.getXSSFWorkbook().getProperties().getCoreProperties();
      core.setCreated(Optional.of(CREATED));
      core.setCreator("danvan generate");
      book.write(out);
    } finally {
      book.close();
    }
  }
}
