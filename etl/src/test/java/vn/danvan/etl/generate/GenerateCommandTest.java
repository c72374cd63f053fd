package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir
  Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    return cli.execute(args);
  }

  @Test
  void generates_a_single_year_and_prints_a_line_per_table_and_a_summary() throws Exception {
    int code = run("--out", out.toString(), "--years", "2024", "--scale", "0.02", "--seed", "3",
        "--format", "csv");

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains("regions: ").contains("activities").contains("post_metrics")
        .contains("summary (rows written, planted bad rows by reason):").contains("duplicate_id=");
    try (var files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).map(Path::toString))
          .allMatch(f -> f.endsWith(".csv") || f.endsWith("_manifest.json"));
    }
    assertThat(Files.readString(out.resolve("_manifest.json"))).contains("\"years\" : \"2024-2024\"")
        .contains("\"format\" : \"csv\"");
  }

  @Test
  void rejects_years_outside_2009_2025_with_exit_2() {
    assertThat(run("--out", out.toString(), "--years", "2020-2030")).isEqualTo(2);
    assertThat(stderr.toString()).contains("2009-2025");
  }

  @Test
  void rejects_malformed_years_scale_and_format_with_exit_2() {
    assertThat(run("--out", out.toString(), "--years", "2015-20x")).isEqualTo(2);
    assertThat(run("--out", out.toString(), "--scale", "0")).isEqualTo(2);
    assertThat(run("--out", out.toString(), "--scale", "lots")).isEqualTo(2);
    assertThat(run("--out", out.toString(), "--format", "parquet")).isEqualTo(2);
    assertThat(run("--years", "2024")).isEqualTo(2);
    assertThat(stderr.toString()).contains("--out").contains("mixed or csv");
  }

  @Test
  void rejects_a_reference_folder_without_the_admin_unit_files(@TempDir Path empty) {
    assertThat(run("--out", out.toString(), "--reference", empty.toString())).isEqualTo(2);
    assertThat(stderr.toString()).contains("units-2024-63-provinces.json");
  }
}
