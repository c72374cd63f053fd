package vn.danvan.dashboard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Table;
import vn.danvan.dashboard.Main;
import vn.danvan.dashboard.pages.PageFixture;

/** {@code intake check} and {@code template} on the pages' lake, as {@code bin/danvan} runs them. */
class IntakeCommandTest {
  static final String HEADER = String.join(",", Table.REPORT_VALUES.columnNames());

  @TempDir
  Path tmp;
  Path lake;
  final StringWriter out = new StringWriter();

  @BeforeEach
  void lake() {
    lake = PageFixture.write(tmp.resolve("lake")).root();
  }

  int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  Path csv(String name, String... lines) throws Exception {
    return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void exits_0_when_clean_1_with_a_line_per_problem_and_2_when_a_file_is_refused_whole() throws Exception {
    Path clean = csv("clean.csv", HEADER, "BC-1,00004,2024-01-01,2024-06-30,police,gifts,,3,");
    assertThat(run("intake", "check", clean.toString(), "--scope", "01", "--lake", lake.toString())).isZero();
    assertThat(out.toString()).isEmpty();

    Path mistakes = csv("mistakes.csv", HEADER, "BC-1,00004,2024-01-01,2024-06-30,police,gifts,,3,",
        "BC-2,00004,2024-01-01,2024-06-31,police,gifts,,3,", "BC-3,04,2024-01-01,2024-06-30,police,gifts,,3,");
    assertThat(run("intake", "check", mistakes.toString(), "--scope", "01", "--lake", lake.toString())).isEqualTo(1);
    List<String[]> lines = new ArrayList<>();
    out.toString().lines().forEach(l -> lines.add(l.split("\t")));
    assertThat(lines).extracting(l -> l[1] + " " + l[2] + " " + l[3])
        .containsExactly("3 period_end bad_type:period_end", "4 region_code outside_scope:region_code");
    assertThat(lines.get(0)[0]).endsWith("mistakes.csv");
    assertThat(lines.get(0)[4]).contains("YYYY-MM-DD");

    out.getBuffer().setLength(0);
    Path phone = csv("phone.csv", HEADER + ",phone", "BC-1,00004,2024-01-01,2024-06-30,police,gifts,,3,,0912345678");
    assertThat(run("intake", "check", phone.toString(), clean.toString(), "--scope", "01", "--lake", lake.toString()))
        .isEqualTo(2);
    assertThat(out.toString()).contains("personal_data:phone").contains("số điện thoại");
  }

  @Test
  void template_writes_the_contract_header_for_the_scope() throws Exception {
    Path file = tmp.resolve("models.xlsx");
    assertThat(run("template", "--table", "models", "--scope", "01", "--year", "2024", "--lake", lake.toString(),
        "--out", file.toString())).isZero();
    try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
      List<String> header = new ArrayList<>();
      book.getSheetAt(0).getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).isEqualTo(Table.MODELS.columnNames());
      assertThat(book.getSheetName(0)).isEqualTo("models");
    }
    assertThat(run("template", "--table", "posts", "--lake", lake.toString(), "--out", file.toString())).isEqualTo(2);
  }
}
