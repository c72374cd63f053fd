package vn.danvan.etl.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes landing folders by hand for tests: CSV lines as given, JSON Lines, small workbooks. */
public final class TestLanding {
  private final Path root;

  public TestLanding(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** A CSV file whose lines are written exactly as given (first line = header). */
  public TestLanding csv(String folder, String file, String... lines) {
    return text(folder, file, String.join("\n", lines) + "\n");
  }

  /**
   * The regions, lineage and population of the marts' worked example (MartsFixture): three old
   * districts of provinces 01 and 02 and their communes, two 2025 communes of 01; {@code w1} and
   * {@code w2} split commune 00007 between them, {@code population} is 00010's in 2025.
   */
  public TestLanding martReferences(String population, String w1, String w2) {
    return this
        .csv("regions", "regions.csv", "code,name,level,parent_code,valid_from,valid_to,special_area",
            "001,Huyện A,district,01,2008-08-01,2025-06-30,",
            "002,Huyện B,district,01,2008-08-01,2025-06-30,",
            "024,Huyện C,district,02,2008-08-01,2025-06-30,",
            "00001,Xã A1,commune,001,2008-08-01,2025-06-30,",
            "00004,Xã A4,commune,001,2008-08-01,2025-06-30,",
            "00007,Xã B7,commune,002,2008-08-01,2025-06-30,",
            "00700,Xã C700,commune,024,2008-08-01,2025-06-30,",
            "00020,Xã C20,commune,024,2008-08-01,2025-06-30,",
            "00004,Phường Bốn,commune,01,2025-07-01,,",
            "00010,Phường Mười,commune,01,2025-07-01,,")
        .csv("region_lineage", "l.csv", "old_code,new_code,effective_date,relation,weight",
            "00001,00004,2025-07-01,full,1",
            "00004,00004,2025-07-01,partial,",
            "00004,00010,2025-07-01,partial,",
            "00007,00004,2025-07-01,partial," + w1,
            "00007,00010,2025-07-01,partial," + w2,
            "00020,00010,2025-07-01,full,1")
        .csv("population", "p.csv", "region_code,year,population",
            "00001,2019,200", "00004,2019,500", "00007,2019,1000", "01,2019,9000",
            "00004,2025,3000", "00010,2025," + population);
  }

  /** A JSON Lines file; each object is given as JSON text. */
  TestLanding jsonl(String folder, String file, String... objects) {
    return text(folder, file, String.join("\n", objects) + "\n");
  }

  TestLanding text(String folder, String file, String content) {
    try {
      Path target = root.resolve(folder).resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A CSV file as Excel's "Unicode Text" saves it: UTF-16 little-endian with its byte-order mark,
   * names and values separated by tabs, lines ended by CR LF.
   */
  TestLanding unicodeText(String folder, String file, String... tabbedLines) {
    try {
      Path target = root.resolve(folder).resolve(file);
      Files.createDirectories(target.getParent());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(0xFF);
      out.write(0xFE);
      out.writeBytes((String.join("\r\n", tabbedLines) + "\r\n").getBytes(StandardCharsets.UTF_16LE));
      Files.write(target, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A formula cell of a workbook: with {@code result} null the file stores no computed result (as
   * a program that never calculates writes it), else the result Excel would have cached.
   */
  record Formula(String formula, Double result) {}

  /**
   * A workbook whose first sheet has the header and rows given; a {@link LocalDate} becomes a
   * date-formatted cell, a {@link Number} a numeric cell, anything else text, null no cell.
   */
  TestLanding xlsx(String folder, String file, List<String> header, List<List<Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet sheet = book.createSheet("data");
      Row head = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        head.createCell(c).setCellValue(header.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v instanceof Formula f) {
            org.apache.poi.xssf.usermodel.XSSFCell cell = (org.apache.poi.xssf.usermodel.XSSFCell) row.createCell(c);
            cell.setCellFormula(f.formula());
            if (f.result() == null) {
              if (cell.getCTCell().isSetV()) {
                cell.getCTCell().unsetV();
              }
            } else {
              cell.getCTCell().setV(org.apache.poi.ss.util.NumberToTextConverter.toText(f.result()));
            }
          } else if (v instanceof LocalDate d) {
            row.createCell(c).setCellValue(d);
            row.getCell(c).setCellStyle(date);
          } else if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (v != null) {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      }
      Path dir = Files.createDirectories(root.resolve(folder));
      try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
        book.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  static List<Object> cells(Object... values) {
    List<Object> out = new ArrayList<>();
    java.util.Collections.addAll(out, values);
    return out;
  }

  /** The regions most tests use: a district and a commune code reused across the 2025 reform. */
  TestLanding regions() {
    return csv("regions", "regions.csv",
        "code,name,level,parent_code,valid_from,valid_to,special_area",
        "001,Quận Ba Đình,district,01,2008-08-01,2025-06-30,",
        "00004,Phường Trúc Bạch,commune,001,2008-08-01,2025-06-30,",
        "00004,Phường Ba Đình,commune,01,2025-07-01,,",
        "00005,Xã Sơn Hà,Commune,01,2025-07-01,,mountain;Ethnic_Minority");
  }

}
