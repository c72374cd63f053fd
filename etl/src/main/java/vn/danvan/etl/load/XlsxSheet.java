package vn.danvan.etl.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The first sheet of a workbook as text, the way the same table would look in CSV: dates as
 * ISO {@code yyyy-MM-dd}, whole numbers without {@code .0}, other numbers in plain notation. Read
 * on the driver: workbooks are the hand-filled tables, small by nature.
 */
final class XlsxSheet {
  private XlsxSheet() {}

  /** One data row: its 0-based row number in the sheet and its cell texts (null = empty). */
  record Line(int rowNumber, List<String> cells) {}

  record Content(List<String> header, List<Line> lines) {}

  static List<String> header(Path file) {
    return read(file, true).header();
  }

  static Content read(Path file) {
    return read(file, false);
  }

  private static Content read(Path file, boolean headerOnly) {
    try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
      if (book.getNumberOfSheets() == 0) {
        throw new LoadRefusedException("refused " + file + ": the workbook has no sheet");
      }
      Sheet sheet = book.getSheetAt(0);
      Row first = sheet.getRow(sheet.getFirstRowNum());
      if (first == null || sheet.getPhysicalNumberOfRows() == 0) {
        throw new LoadRefusedException("refused " + file + ": the first sheet has no header row");
      }
      List<String> header = cells(first, first.getLastCellNum());
      List<Line> lines = new ArrayList<>();
      if (!headerOnly) {
        for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          if (row == null || row.getLastCellNum() < 0) {
            continue;
          }
          List<String> cells = cells(row, row.getLastCellNum());
          if (cells.stream().anyMatch(c -> c != null)) {
            lines.add(new Line(r, cells));
          }
        }
      }
      return new Content(header.stream().map(h -> h == null ? "" : h).toList(), lines);
    } catch (LoadRefusedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new LoadRefusedException("refused " + file + ": not a readable XLSX workbook ("
          + e.getMessage() + "); nothing of this load was written", e);
    }
  }

  private static List<String> cells(Row row, int width) {
    List<String> out = new ArrayList<>(Math.max(width, 0));
    for (int c = 0; c < width; c++) {
      out.add(text(row.getCell(c)));
    }
    while (!out.isEmpty() && out.get(out.size() - 1) == null) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA
        ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> {
        String s = cell.getStringCellValue();
        yield s == null || s.isEmpty() ? null : s;
      }
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? dateText(cell.getLocalDateTimeCellValue()) : numberText(cell.getNumericCellValue());
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> null;
    };
  }

  private static String dateText(LocalDateTime value) {
    return value.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? value.toLocalDate().toString() : value.toString();
  }

  static String numberText(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
