package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Column;
import vn.danvan.contract.Table;
import vn.danvan.contract.landing.LandingEncoding;
import vn.danvan.etl.generate.LandingReader.LandingRow;

/** The folder is a landing folder of the data contract: folders, headers, formats, no personal data. */
class GenerateContractFilesTest {
  @TempDir
  static Path out;
  private static Manifest manifest;

  @BeforeAll
  static void generate() throws Exception {
    manifest = Fixtures.generate(Fixtures.config(out, "2023-2025", 0.03, 3, Fixtures.reference()));
  }

  @Test
  void every_contract_table_has_files_with_the_contract_header() throws Exception {
    for (Table t : Table.values()) {
      List<Path> files = LandingReader.files(out, t);
      assertThat(files).as(t.folder()).isNotEmpty();
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".csv")) {
          // (a -unicode.csv file is UTF-16, as Excel's "Unicode Text")
          String first = LandingEncoding.contractText(f).lines().findFirst().orElseThrow().replace("\uFEFF", "");
          assertThat(first).as(name).isEqualTo(String.join(",", t.columnNames()));
        } else if (name.endsWith(".xlsx")) {
          assertThat(LandingReader.xlsxHeader(f)).as(name).isEqualTo(t.columnNames());
        } else {
          assertThat(name).endsWith(".jsonl");
          List<String> required = t.columns().stream().filter(Column::required).map(Column::name).toList();
          JsonNode line = new ObjectMapper().readTree(Files.readAllLines(f).get(0));
          List<String> keys = new ArrayList<>();
          line.fieldNames().forEachRemaining(keys::add);
          assertThat(keys).as(name).containsAll(required).isSubsetOf(t.columnNames());
        }
      }
      assertThat(manifest.rows(t)).as(t.folder()).isPositive();
    }
  }

  @Test
  void mixes_csv_with_and_without_bom_json_lines_and_workbooks_for_the_hand_filled_tables() throws Exception {
    List<String> names = new ArrayList<>();
    boolean bom = false;
    for (Table t : Table.values()) {
      for (Path f : LandingReader.files(out, t)) {
        names.add(t.folder() + "/" + f.getFileName());
        bom |= f.toString().endsWith(".csv") && Files.readAllBytes(f)[0] == (byte) 0xEF;
      }
    }
    assertThat(bom).isTrue();
    assertThat(names).anyMatch(n -> n.startsWith("report_values/") && n.endsWith("-unicode.csv"));
    assertThat(names).anyMatch(n -> n.startsWith("posts/") && n.endsWith(".jsonl"))
        .anyMatch(n -> n.startsWith("post_metrics/") && n.endsWith(".jsonl"));
    for (String table : List.of("report_values", "activities", "models", "campaign_targets")) {
      assertThat(names).anyMatch(n -> n.startsWith(table + "/") && n.endsWith(".xlsx"));
    }
    assertThat(names).filteredOn(n -> n.endsWith(".xlsx") || n.endsWith(".jsonl"))
        .allMatch(n -> n.matches("(report_values|activities|models|campaign_targets|posts|post_metrics)/.*"));
  }

  @Test
  void timestamps_carry_offsets_and_some_fall_on_another_date_than_their_local_one() throws Exception {
    List<String> written = LandingReader.rows(out, Table.POSTS).stream().map(r -> r.get("published_at"))
        .filter(v -> v != null && LoaderRules.parse(Column.Type.TIMESTAMP, v) != null).toList();
    assertThat(written).isNotEmpty()
        .allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})"))
        .anyMatch(v -> v.endsWith("+07:00")).anyMatch(v -> v.endsWith("Z")).anyMatch(v -> v.endsWith("+08:00"));
    long vietnamTime = written.stream().filter(v -> v.endsWith("+07:00")).count();
    assertThat(vietnamTime / (double) written.size()).isBetween(0.8, 0.9);
    // Local (Vietnam) day differs from the day as written: just after midnight in UTC, before it in +08:00.
    List<String> otherDay = written.stream()
        .filter(v -> !LoaderRules.parse(Column.Type.TIMESTAMP, v).toString().equals(v.substring(0, 10))).toList();
    assertThat(otherDay).isNotEmpty().allMatch(v -> v.endsWith("Z") || v.endsWith("+08:00") || v.endsWith("+09:00"));
  }

  @Test
  void no_value_looks_like_personal_data_of_the_public() throws Exception {
    Pattern email = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    Pattern phone = Pattern.compile("(\\+84|\\b0)\\d{9}\\b");
    Pattern link = Pattern.compile("https?://|www\\.|facebook\\.com|zalo\\.me");
    for (Table t : Table.values()) {
      for (LandingRow r : LandingReader.rows(out, t)) {
        for (String v : r.values()) {
          if (v != null) {
            assertThat(email.matcher(v).find() || phone.matcher(v).find() || link.matcher(v).find())
                .as(t.folder() + ": " + v).isFalse();
          }
        }
      }
    }
  }

  @Test
  void the_manifest_counts_rows_and_planted_rows_per_table() throws Exception {
    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(m.path("arguments").path("years").asText()).isEqualTo("2023-2025");
    assertThat(m.path("arguments").path("format").asText()).isEqualTo("mixed");
    JsonNode activities = m.path("tables").path("activities");
    assertThat(activities.path("rows").asLong()).isEqualTo(manifest.rows(Table.ACTIVITIES));
    assertThat(activities.path("expected_landed").asLong())
        .isEqualTo(manifest.rows(Table.ACTIVITIES) - manifest.planted(Table.ACTIVITIES));
    assertThat(activities.path("planted_by_reason").path("unknown_reference").asInt()).isPositive();
  }
}
