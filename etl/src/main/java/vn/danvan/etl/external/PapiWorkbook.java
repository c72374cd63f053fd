package vn.danvan.etl.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The published PAPI workbook {@code PAPI_2011-2016.xlsx}: one sheet per year ({@code 2011_PAPI}),
 * an English and a Vietnamese header row, then one row per province keyed by {@code tinhid}, the
 * GSO code as a number (1 = 01 Hà Nội, 96 = 96 Cà Mau), and a last row {@code 999 Highest} of
 * column maxima, which is not a province. Each dimension column (found by its English header) is
 * followed by its sub-dimension columns; the last column is the unweighted total, the sum of the
 * six dimensions (a formula in most sheets: its cached value is read).
 *
 * <p>The sub-dimensions also come in the yearly CSVs, which are the source imported for them; the
 * workbook's are read only to compare the two ({@link #compare}).
 */
public final class PapiWorkbook {
  /** English header of each dimension column → the codebook's criterion code; then the total. */
  static final Map<String, String> DIMENSIONS = dimensions();
  static final String TOTAL_HEADER = "Un-weighted";
  private static final Pattern SHEET = Pattern.compile("(\\d{4})_PAPI");
  private static final int FIRST_DATA_ROW = 2;
  private static final int NOT_A_PROVINCE = 999;

  /** One province-year's row: every numeric column by its 0-based index (null = blank). */
  private record ProvinceRow(int year, String code, int excelRow, Map<Integer, Double> cells) {}

  private final String file;
  private final List<ProvinceRow> rows;
  /** Per year: dimension column index → criterion code (or "total"), in column order. */
  private final Map<Integer, Map<Integer, String>> dimensionColumns;

  private PapiWorkbook(String file, List<ProvinceRow> rows, Map<Integer, Map<Integer, String>> dimensionColumns) {
    this.file = file;
    this.rows = rows;
    this.dimensionColumns = dimensionColumns;
  }

  private static Map<String, String> dimensions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Participation at Local Levels", "C01");
    m.put("Transparency", "C02");
    m.put("Vertical Accountability", "C03");
    m.put("Control of Corruption", "C04");
    m.put("Public Administrative Procedures", "C05");
    m.put("Public Service Delivery", "C06");
    return java.util.Collections.unmodifiableMap(m);
  }

  static PapiWorkbook read(Path path, ProvinceOrder order) {
    String file = PapiFiles.name(path);
    List<ProvinceRow> rows = new ArrayList<>();
    Map<Integer, Map<Integer, String>> columns = new LinkedHashMap<>();
    try (Workbook wb = WorkbookFactory.create(path.toFile(), null, true)) {
      for (Sheet sheet : wb) {
        Matcher m = SHEET.matcher(sheet.getSheetName().strip());
        if (!m.matches()) {
          throw new IllegalArgumentException(file + ": sheet '" + sheet.getSheetName()
              + "' is not named YYYY_PAPI");
        }
        int year = Integer.parseInt(m.group(1));
        columns.put(year, dimensionColumns(sheet, file));
        Set<String> seen = new java.util.HashSet<>();
        for (Row row : sheet) {
          if (row.getRowNum() < FIRST_DATA_ROW || number(row.getCell(0)) == null) {
            continue;
          }
          double id = number(row.getCell(0));
          if (id == NOT_A_PROVINCE) {
            continue;
          }
          String code = String.format(Locale.ROOT, "%02d", (int) id);
          String where = file + " sheet " + sheet.getSheetName() + " row " + (row.getRowNum() + 1);
          if (id != Math.rint(id) || !order.contains(code)) {
            throw new IllegalArgumentException(where + ": tinhid " + id + " is not a GSO province code");
          }
          if (!seen.add(code)) {
            throw new IllegalArgumentException(where + ": province " + code + " listed twice");
          }
          Map<Integer, Double> cells = new HashMap<>();
          for (int c = 3; c < row.getLastCellNum(); c++) {
            cells.put(c, number(row.getCell(c)));
          }
          rows.add(new ProvinceRow(year, code, row.getRowNum() + 1, cells));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return new PapiWorkbook(file, List.copyOf(rows), columns);
  }

  /**
   * The six dimension scores and the total of every province-year, blanks kept. The total is
   * blank where any dimension is: the sheets compute it by a formula that reads a blank cell as 0
   * (2014's Bắc Giang and Đồng Tháp rows hold no scores, and a total of 0).
   */
  List<ExternalValue> dimensions(Set<String> known) {
    List<ExternalValue> out = new ArrayList<>();
    for (ProvinceRow r : rows) {
      Map<Integer, String> cols = dimensionColumns.get(r.year());
      boolean anyBlank = cols.entrySet().stream()
          .anyMatch(e -> !e.getValue().equals("total") && r.cells().get(e.getKey()) == null);
      cols.forEach((col, code) -> out.add(new ExternalValue(
          PapiFiles.indicator(code, known, Path.of(file)), PapiFiles.SOURCE, r.code(), r.year(),
          code.equals("total") && anyBlank ? null : r.cells().get(col), file,
          r.year() + "_PAPI!" + columnName(col) + r.excelRow())));
    }
    return out;
  }

  /**
   * The workbook's sub-dimension cells beside the CSVs' values of the same province, year and
   * position: the k-th sub-dimension column after a dimension is that dimension's k-th code in
   * the CSV ({@code SC11, SC12, ...}), which is how the CSV lays out these years.
   */
  Comparison compare(List<ExternalValue> csv) {
    Map<String, Double> byKey = new HashMap<>();
    for (ExternalValue v : csv) {
      if (!v.sourceFile().equals(file)) {
        byKey.put(v.indicator() + "|" + v.regionCode() + "|" + v.year(), v.value());
      }
    }
    long compared = 0;
    long agree = 0;
    List<String> differences = new ArrayList<>();
    double maxDiff = 0;
    for (ProvinceRow r : rows) {
      List<Integer> dims = new ArrayList<>(dimensionColumns.get(r.year()).keySet());
      for (int d = 0; d < dims.size() - 1; d++) {
        String criterion = dimensionColumns.get(r.year()).get(dims.get(d));
        for (int col = dims.get(d) + 1, k = 1; col < dims.get(d + 1); col++, k++) {
          String key = "papi_sc" + criterion.substring(2) + k + "|" + r.code() + "|" + r.year();
          Double x = r.cells().get(col);
          Double c = byKey.get(key);
          if (x == null && c == null) {
            continue;
          }
          compared++;
          if (x != null && c != null && Math.abs(x - c) <= TOLERANCE) {
            agree++;
            maxDiff = Math.max(maxDiff, Math.abs(x - c));
          } else if (differences.size() < 50) {
            differences.add(key + ": workbook " + x + ", csv " + c);
          }
        }
      }
    }
    return new Comparison(compared, agree, maxDiff, differences);
  }

  /** The CSVs keep 7 significant digits of the workbook's values; some sheets store floats. */
  static final double TOLERANCE = 5e-6;

  /** Cells both hold; how many agree within {@link #TOLERANCE}; the first differences. */
  public record Comparison(long compared, long agree, double maxAgreeingDifference, List<String> differences) {
    public Comparison {
      differences = List.copyOf(differences);
    }
  }

  private static Map<Integer, String> dimensionColumns(Sheet sheet, String file) {
    Row header = sheet.getRow(0);
    Map<Integer, String> cols = new LinkedHashMap<>();
    for (Cell cell : header) {
      String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
      String code = DIMENSIONS.get(text);
      if (code != null) {
        cols.put(cell.getColumnIndex(), code);
      } else if (text.startsWith(TOTAL_HEADER)) {
        cols.put(cell.getColumnIndex(), "total");
      }
    }
    if (cols.size() != DIMENSIONS.size() + 1 || !cols.containsValue("total")) {
      throw new IllegalArgumentException(file + " sheet " + sheet.getSheetName()
          + ": expected the six dimension columns " + DIMENSIONS.keySet() + " and the total, found " + cols);
    }
    return cols;
  }

  private static Double number(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case NUMERIC -> cell.getNumericCellValue();
      case BLANK -> null;
      case STRING -> cell.getStringCellValue().isBlank() ? null : parse(cell);
      default -> throw new IllegalArgumentException(cell.getSheet().getSheetName() + "!" + cell.getAddress()
          + ": not a number (" + type + ")");
    };
  }

  private static Double parse(Cell cell) {
    try {
      return Double.valueOf(cell.getStringCellValue().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(cell.getSheet().getSheetName() + "!" + cell.getAddress() + ": '"
          + cell.getStringCellValue() + "' is not a number", e);
    }
  }

  private static String columnName(int col) {
    return org.apache.poi.ss.util.CellReference.convertNumToColString(col);
  }
}
