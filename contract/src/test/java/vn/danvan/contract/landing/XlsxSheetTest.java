package vn.danvan.contract.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetTest {
  @TempDir Path tmp;

  /** A workbook: header, then a row of =10+10 with its cached 20, one without, a text, a fraction. */
  private Path workbook() throws Exception {
    Path file = tmp.resolve("rv.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      XSSFSheet sheet = book.createSheet("Báo cáo");
      XSSFRow head = sheet.createRow(0);
      head.createCell(0).setCellValue("value");
      head.createCell(1).setCellValue("note");
      XSSFRow cached = sheet.createRow(1);
      XSSFCell c = cached.createCell(0);
      c.setCellFormula("10+10");
      c.getCTCell().setV("20");
      cached.createCell(1).setCellValue("có chữ");
      XSSFRow uncached = sheet.createRow(3);
      XSSFCell u = uncached.createCell(0);
      u.setCellFormula("10+10");
      if (u.getCTCell().isSetV()) {
        u.getCTCell().unsetV();
      }
      uncached.createCell(1).setCellValue(20.5);
      book.write(out);
    }
    return file;
  }

  @Test
  void a_formula_reads_as_its_cached_result_and_one_without_result_as_the_marked_formula_never_0()
      throws Exception {
    XlsxSheet.Content content = XlsxSheet.read(workbook());
    assertThat(content.sheet()).isEqualTo("Báo cáo");
    assertThat(content.header()).containsExactly("value", "note");
    assertThat(content.lines()).extracting(XlsxSheet.Line::shownRowNumber).containsExactly(2, 4);
    assertThat(content.lines().get(0).cells()).containsExactly("20", "có chữ");
    String noResult = content.lines().get(1).cells().get(0);
    assertThat(noResult).isEqualTo(XlsxSheet.FORMULA_WITHOUT_RESULT + "=10+10");
    assertThat(XlsxSheet.formulaWithoutResult(noResult)).contains("=10+10");
    assertThat(XlsxSheet.formulaWithoutResult("20")).isEmpty();
    assertThat(content.lines().get(1).cells().get(1)).isEqualTo("20.5");
  }

  @Test
  void only_the_reader_writes_the_marker_a_text_holding_it_has_it_replaced() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFCell cell = book.createSheet().createRow(0).createCell(0);
      cell.setCellValue("\uFFFF=1+1");
      assertThat(XlsxSheet.text(cell)).isEqualTo("\uFFFD=1+1");
      assertThat(XlsxSheet.formulaWithoutResult(XlsxSheet.text(cell))).isEmpty();
    }
  }

  @Test
  void a_file_that_is_no_workbook_is_unreadable_with_a_reason() throws Exception {
    Path text = Files.writeString(tmp.resolve("x.xlsx"), "not a workbook");
    assertThatThrownBy(() -> XlsxSheet.header(text)).isInstanceOf(XlsxSheet.UnreadableException.class)
        .hasMessageStartingWith("not a readable XLSX workbook");
  }
}
