package vn.danvan.contract.landing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * The first sheet of a workbook as text, the way the same table would look in CSV: dates as ISO
 * {@code yyyy-MM-dd}, whole numbers without {@code .0}, other numbers in plain notation. The load
 * (Spark, on the driver: workbooks are the hand-filled tables, small by nature) and the dry run of
 * an upload both read workbooks here, so a cell means the same to both.
 *
 * <p>A formula cell reads as the result Excel or LibreOffice cached when the file was saved. A
 * formula without a cached result (a file written by a program that never calculated it) has no
 * value to read: it is neither 0 nor empty but {@link #FORMULA_WITHOUT_RESULT} followed by the
 * formula, which the row check {@code formula_without_result} quarantines.
 */
public final class XlsxSheet {
  private XlsxSheet() {}

  /**
   * Starts the text of a formula cell that has no cached result (then comes {@code =} and the
   * formula). U+FFFF is a noncharacter: a text cell holding it has it replaced by U+FFFD, so only
   * this reader writes the marker.
   */
  public static final String FORMULA_WITHOUT_RESULT = "\uFFFF";

  /**
   * One data row: its 0-based row number in the sheet ({@link #rowNumber()} + 1 is the number
   * Excel shows) and its cell texts (null = empty).
   */
  public record Line(int rowNumber, List<String> cells) {
    public Line {
      cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The row number as the person who filled the sheet sees it (1-based). */
    public int shownRowNumber() {
      return rowNumber + 1;
    }
  }

  /** The first sheet: its name, its header row (blank names as "") and its non-empty rows. */
  public record Content(String sheet, List<String> header, List<Line> lines) {
    public Content {
      Objects.requireNonNull(sheet, "sheet");
      header = List.copyOf(header);
      lines = List.copyOf(lines);
    }
  }

  /** A workbook that cannot be read as a table; the message says why, without the file's name. */
  public static final class UnreadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableException(String why, Throwable cause) {
      super(why, cause);
    }
  }

  /**
   * The header row of the first sheet.
   *
   * @throws UnreadableException when the file is not a workbook or its first sheet has no header
   */
  public static List<String> header(Path file) {
    return read(file, true).header();
  }

  /**
   * The first sheet's header and rows.
   *
   * @throws UnreadableException when the file is not a workbook or its first sheet has no header
   */
  public static Content read(Path file) {
    return read(file, false);
  }

  private static Content read(Path file, boolean headerOnly) {
    try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
      if (book.getNumberOfSheets() == 0) {
        throw new UnreadableException("the workbook has no sheet", null);
      }
      Sheet sheet = book.getSheetAt(0);
      Row first = sheet.getRow(sheet.getFirstRowNum());
      if (first == null || sheet.getPhysicalNumberOfRows() == 0) {
        throw new UnreadableException("the first sheet has no header row", null);
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
          if (cells.stream().anyMatch(Objects::nonNull)) {
            lines.add(new Line(r, cells));
          }
        }
      }
      return new Content(sheet.getSheetName(), header.stream().map(h -> h == null ? "" : h).toList(), lines);
    } catch (UnreadableException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("not a readable XLSX workbook (" + e.getMessage() + ")", e);
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

  /** A cell's text (null when empty); see the class comment for formulas. */
  public static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    boolean formula = cell.getCellType() == CellType.FORMULA;
    if (formula && !hasCachedResult(cell)) {
      return FORMULA_WITHOUT_RESULT + "=" + cell.getCellFormula();
    }
    CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> {
        String s = cell.getStringCellValue();
        yield s == null || s.isEmpty() ? null : s.replace(FORMULA_WITHOUT_RESULT, "\uFFFD");
      }
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? dateText(cell.getLocalDateTimeCellValue()) : numberText(cell.getNumericCellValue());
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> null;
    };
  }

  /**
   * Whether a formula cell carries the value its spreadsheet computed ({@code <v>} in the file).
   * POI reads a missing value as 0, which is what must never land. Only XLSX is read here; an
   * older kind of cell always stores its result.
   */
  private static boolean hasCachedResult(Cell cell) {
    return !(cell instanceof XSSFCell x) || x.getCTCell().isSetV();
  }

  /** The formula (with its {@code =}) of a text that {@link #text} read from a formula without a result. */
  public static Optional<String> formulaWithoutResult(String text) {
    return text != null && text.startsWith(FORMULA_WITHOUT_RESULT)
        ? Optional.of(text.substring(FORMULA_WITHOUT_RESULT.length())) : Optional.empty();
  }

  private static String dateText(LocalDateTime value) {
    return value.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? value.toLocalDate().toString() : value.toString();
  }

  /** A number as CSV would hold it: whole numbers without {@code .0}, others in plain notation. */
  public static String numberText(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
