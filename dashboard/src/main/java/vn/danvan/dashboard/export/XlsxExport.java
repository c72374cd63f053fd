package vn.danvan.dashboard.export;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code POST /api/export/xlsx}: the table a page shows as an Excel workbook. The first sheet holds
 * exactly the table (header row, then its rows: numbers as numbers, no data as an empty cell); a
 * second sheet says what it is and where it comes from, so the data sheet stays a clean grid.
 */
public final class XlsxExport {
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final DownloadAudit audit;

  /** The export, recording each download in {@code audit}. */
  public XlsxExport(DownloadAudit audit) {
    this.audit = java.util.Objects.requireNonNull(audit, "audit");
  }

  public void post(Context ctx) {
    TableExport table = TableExport.of(ctx);
    byte[] bytes = workbook(table);
    // recorded before the answer: a download the trail could not record is not handed out
    audit.record(ctx, "xlsx", table);
    ctx.contentType(MEDIA_TYPE).header("Content-Disposition", TableExport.attachment(table.title(), "xlsx"))
        .result(bytes);
  }

  static byte[] workbook(TableExport table) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet data = book.createSheet("Số liệu");
      Row header = data.createRow(0);
      for (int c = 0; c < table.columns().size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(table.columns().get(c));
        cell.setCellStyle(bold);
      }
      for (int r = 0; r < table.rows().size(); r++) {
        Row row = data.createRow(r + 1);
        int c = 0;
        for (Object value : table.rows().get(r)) {
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (value instanceof Boolean b) {
            row.createCell(c).setCellValue(b);
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
          c++;
        }
      }
      data.createFreezePane(0, 1);
      Sheet about = book.createSheet("Nguồn");
      String[][] lines = {{"Bảng", table.title()}, {"Nguồn số liệu", table.source()},
          {"Bộ dữ liệu (snapshot)", table.snapshot()}};
      for (int i = 0; i < lines.length; i++) {
        Row row = about.createRow(i);
        row.createCell(0).setCellValue(lines[i][0]);
        row.createCell(1).setCellValue(lines[i][1] == null ? "" : lines[i][1]);
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
