package vn.danvan.contract.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.contract.checks.RegionValidity.Span;

class DryRunTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
  /** Hà Nội (01) and its old commune 00004 until the reform; Hà Giang (02) elsewhere. */
  static final RegionValidity REGIONS = RegionValidity.of(List.of(
      new Span("01", LocalDate.of(2008, 8, 1), null),
      new Span("00004", LocalDate.of(2008, 8, 1), REFORM.minusDays(1)),
      new Span("02", LocalDate.of(2008, 8, 1), null)));
  static final DryRun.Served HANOI = new DryRun.Served(REGIONS, Set.of("DVK"),
      new Indicators(Set.of("briefing_conferences", "gifts"), Set.of("gifts")), AS_OF, "01", code -> !code.equals("02"));
  static final String HEADER =
      "report_id,region_code,period_start,period_end,unit,indicator,disaggregation,value,source_document";

  @TempDir
  Path tmp;

  Path file(String name, String... lines) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void every_problem_is_named_with_the_row_the_reporter_sees_and_a_vietnamese_reason() throws IOException {
    Path csv = file("h1.csv", HEADER,
        "R1,01,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,163,BC 12",
        "R2,01,2024-01-01,2024-13-30,mobilization_board,briefing_conferences,,1,",
        "R3,01,2024-01-01,2024-06-30,army,briefing_conferences,,1,",
        "R4,99,2024-01-01,2024-06-30,police,briefing_conferences,,-2,");
    DryRun.Result result = DryRun.check(List.of(DryRun.Input.of(csv)), HANOI);
    assertThat(result.problems()).extracting(Problem::row, Problem::column, Problem::code, Problem::check)
        .containsExactly(
            tuple(3, "period_end", "bad_type", "bad_type:period_end"),
            tuple(4, "unit", "unknown_vocabulary", "unknown_vocabulary:unit"),
            tuple(5, "value", "negative_value", "negative_value:value"),
            tuple(5, "region_code", "unknown_region", "unknown_region:region_code"));
    assertThat(result.problems().get(0).reason()).contains("«period_end»").contains("«2024-13-30»")
        .contains("YYYY-MM-DD");
    assertThat(result.problems().get(1).reason()).contains("«army»").contains("danh sách");
    assertThat(result.files().get(0).table()).isEqualTo(Table.REPORT_VALUES);
    assertThat(result.files().get(0).rows()).isEqualTo(4);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void rejects_file_with_phone_column_whole() throws IOException {
    Path csv = file("people.csv", HEADER + ",phone",
        "R1,01,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,163,,0912345678");
    DryRun.Result result = DryRun.check(List.of(DryRun.Input.of(csv)), HANOI);
    assertThat(result.anyRefused()).isTrue();
    assertThat(result.exitCode()).isEqualTo(2);
    Problem refusal = result.files().get(0).refusal();
    assertThat(refusal.check()).isEqualTo("personal_data:phone");
    assertThat(refusal.reason()).contains("số điện thoại").contains("cả tệp bị từ chối");
    assertThat(result.files().get(0).problems()).isEmpty();
  }

  @Test
  void a_row_for_a_unit_outside_the_scope_is_refused() throws IOException {
    Path csv = file("h1.csv", HEADER,
        "R1,02,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,163,",
        "R2,01,2024-01-01,2024-06-30,mobilization_board,briefing_conferences,,5,");
    List<Problem> problems = DryRun.check(List.of(DryRun.Input.of(csv)), HANOI).problems();
    assertThat(problems).extracting(Problem::row, Problem::code, Problem::value)
        .containsExactly(tuple(2, Problem.OUTSIDE_SCOPE, "02"));
    assertThat(problems.get(0).quarantinable()).isFalse();
    assertThat(problems.get(0).reason()).contains("phạm vi").contains("01");
  }

  @Test
  void old_codes_after_the_reform_unknown_campaigns_and_repeated_keys_are_the_loads_reasons() throws IOException {
    Path csv = file("acts.csv",
        "activity_id,unit,region_code,start_date,end_date,activity_type,campaign_code,sessions,participants,quantity,man_days,value_vnd,note",
        "A1,police,00004,2025-08-01,,dialogue,DVK,1,10,,,,",
        "A2,police,01,2025-08-01,,dialogue,NOPE,1,10,,,,",
        "A3,police,01,2025-08-01,,dialogue,,1,10,,,,",
        "A3,police,01,2025-08-02,,dialogue,,1,10,,,,");
    assertThat(DryRun.check(List.of(DryRun.Input.of(csv)), HANOI).problems())
        .extracting(Problem::row, Problem::check)
        .containsExactly(tuple(2, "region_not_valid_on_date:region_code"),
            tuple(3, "unknown_reference:campaign_code"), tuple(5, "duplicate_id:activity_id"));
  }

  @Test
  void json_lines_and_workbooks_are_read_as_the_load_reads_them() throws IOException {
    Path jsonl = file("rv.jsonl",
        "{\"report_id\":\"J1\",\"region_code\":\"01\",\"period_start\":\"2024-01-01\",\"period_end\":\"2024-06-30\","
            + "\"unit\":\"police\",\"indicator\":\"gifts\",\"value\":{\"n\":3}}",
        "this is a broken line {");
    Path xlsx = tmp.resolve("models.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = book.createSheet("Mô hình");
      List<String> header = Table.MODELS.columnNames();
      Row top = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        top.createCell(c).setCellValue(header.get(c));
      }
      Row row = sheet.createRow(3); // rows 2 and 3 left empty: the reporter sees row 4
      row.createCell(0).setCellValue("M1");
      row.createCell(1).setCellValue("01");
      row.createCell(2).setCellValue(2024);
      row.createCell(3).setCellValue("economics");
      row.createCell(4).setCellValue("collective");
      row.createCell(5).setCellValue("recognized");
      book.write(out);
    }
    DryRun.Result result = DryRun.check(List.of(DryRun.Input.of(jsonl), DryRun.Input.of(xlsx)), HANOI);
    assertThat(result.problems()).extracting(Problem::file, Problem::sheet, Problem::row, Problem::check)
        .containsExactly(tuple("rv.jsonl", null, 1, "bad_type:value"),
            tuple("rv.jsonl", null, 2, "malformed_row:line"),
            tuple("models.xlsx", "Mô hình", 4, "unknown_vocabulary:field"));
  }

  @Test
  void a_file_of_no_intake_table_is_refused_whole() throws IOException {
    Path csv = file("x.csv", "foo,bar", "1,2");
    DryRun.Result result = DryRun.check(List.of(DryRun.Input.of(csv)), HANOI);
    assertThat(result.files().get(0).refusal().check()).isEqualTo("table");
    assertThat(result.exitCode()).isEqualTo(2);
  }
}
