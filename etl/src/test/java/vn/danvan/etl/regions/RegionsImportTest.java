package vn.danvan.etl.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Table;
import vn.danvan.contract.csv.ContractCsvReader;

class RegionsImportTest {
  private static Path reference;
  private static AdminUnits units;

  @BeforeAll
  static void importRealFiles() throws Exception {
    String shared = System.getProperty("danvan.shared");
    assumeThat(shared).as("system property danvan.shared (set by surefire to ../shared)").isNotNull();
    reference = Path.of(shared, "reference", "admin-units");
    assumeThat(AdminUnitsImport.present(reference))
        .as("public admin-unit files in %s (absent in a fresh clone without ../shared)", reference)
        .isTrue();
    units = AdminUnitsImport.read(reference);
  }

  @Test
  void imports_every_unit_of_both_lists_at_its_level() {
    Map<String, Long> counts = units.countsByLevel();
    assertThat(counts).containsEntry("old province", 63L).containsEntry("old district", 696L)
        .containsEntry("new province", 34L).containsEntry("new commune", 3_321L);
    List<RegionRow> listedOldCommunes = units.regions().stream()
        .filter(r -> r.validTo() != null && r.level().equals("commune") && r.parentCode().length() == 3)
        .toList();
    assertThat(listedOldCommunes).hasSize(10_035);
    assertThat(units.addedOldCommunes()).isEqualTo(12);
    assertThat(counts).containsEntry("old commune", 10_035L + 12);
    assertThat(units.districtLinks()).isEqualTo(5);
  }

  @Test
  void codes_are_unique_within_each_period_and_shaped_like_gso_codes() {
    for (boolean old : List.of(true, false)) {
      List<String> keys = units.regions().stream().filter(r -> (r.validTo() != null) == old)
          .map(r -> r.code().length() + ":" + r.code()).toList();
      assertThat(keys).doesNotHaveDuplicates();
    }
    assertThat(units.regions()).allSatisfy(r -> assertThat(r.code()).matches(switch (r.level()) {
      case "province" -> "\\d{2}";
      case "district" -> "\\d{3}";
      default -> "\\d{5}";
    }));
  }

  @Test
  void the_lineage_links_every_old_unit_the_merger_file_links() throws Exception {
    JsonNode merger = new ObjectMapper().readTree(reference.resolve(AdminUnitsImport.MERGER).toFile());
    Set<String> linkedInSource = new HashSet<>();
    for (JsonNode p : merger.path("data")) {
      for (JsonNode l2 : p.path("level2s")) {
        l2.path("merges").forEach(m -> linkedInSource.add(m.path("old_id").asText()));
      }
    }
    Set<String> linked = units.lineage().stream().filter(l -> l.newCode().length() == 5)
        .map(LineageRow::oldCode).collect(Collectors.toSet());
    assertThat(linked).isEqualTo(linkedInSource).hasSize(10_052);

    Set<String> oldCodes = units.regions().stream().filter(r -> r.validTo() != null)
        .map(RegionRow::code).collect(Collectors.toSet());
    Set<String> newCodes = units.regions().stream().filter(r -> r.validTo() == null)
        .map(RegionRow::code).collect(Collectors.toSet());
    assertThat(units.lineage()).allSatisfy(l -> {
      assertThat(oldCodes).contains(l.oldCode());
      assertThat(newCodes).contains(l.newCode());
      assertThat(l.effectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1));
    });
    assertThat(units.linksByRelation()).containsEntry("province full", 63L)
        .containsEntry("commune partial", 1_012L);
  }

  @Test
  void a_new_ward_is_formed_from_its_old_wards_with_full_and_partial_links() {
    List<LineageRow> baDinh = units.lineage().stream().filter(l -> l.newCode().equals("00004")).toList();
    assertThat(baDinh).hasSize(10);
    assertThat(baDinh.subList(0, 3)).containsExactly(
        new LineageRow("00004", "00004", LocalDate.of(2025, 7, 1), "full", 1.0),
        new LineageRow("00013", "00004", LocalDate.of(2025, 7, 1), "full", 1.0),
        new LineageRow("00016", "00004", LocalDate.of(2025, 7, 1), "partial", null));
    assertThat(units.regions()).filteredOn(r -> r.code().equals("00004")).extracting(RegionRow::name)
        .containsExactly("Phường Trúc Bạch", "Phường Ba Đình");
    assertThat(units.regions()).filteredOn(r -> r.code().equals("00004") && r.validTo() == null)
        .singleElement().extracting(RegionRow::parentCode).isEqualTo("01");
  }

  @Test
  void repairs_of_the_disagreeing_sources_are_reported() {
    assertThat(units.lineage()).filteredOn(l -> l.oldCode().equals("06970"))
        .extracting(LineageRow::newCode).containsExactly("06978");
    assertThat(units.notes()).anySatisfy(n -> assertThat(n).contains("06970").contains("06978"));
    RegionRow namSon = units.regions().stream().filter(r -> r.code().equals("07732")).findFirst()
        .orElseThrow();
    assertThat(namSon).isEqualTo(new RegionRow("07732", "Xã Nham Sơn", "commune", "24",
        LocalDate.of(2008, 8, 1), LocalDate.of(2025, 6, 30), null));
  }

  @Test
  void province_rows_equal_the_shipped_province_level() {
    assertThat(units.regions()).filteredOn(r -> r.level().equals("province"))
        .containsExactlyElementsOf(Provinces.regions());
  }

  @Test
  void the_command_writes_both_contract_files_and_a_summary(@TempDir Path out) throws Exception {
    StringWriter console = new StringWriter();
    int exit = new CommandLine(new RegionsCommand()).setOut(new PrintWriter(console))
        .execute("import", "--reference", reference.toString(), "--out", out.toString());
    assertThat(exit).isZero();
    List<List<String>> regions = fields(ContractCsvReader.read(out.resolve("regions/regions.csv")));
    List<List<String>> lineage =
        fields(ContractCsvReader.read(out.resolve("region_lineage/region_lineage.csv")));
    assertThat(regions.get(0)).isEqualTo(Table.REGIONS.columnNames());
    assertThat(lineage.get(0)).isEqualTo(Table.REGION_LINEAGE.columnNames());
    assertThat(regions).hasSize(units.regions().size() + 1);
    assertThat(lineage).hasSize(units.lineage().size() + 1);
    assertThat(lineage).contains(List.of("00016", "00004", "2025-07-01", "partial", ""),
        List.of("00004", "00004", "2025-07-01", "full", "1"));
    assertThat(Files.readString(out.resolve("regions/regions.csv"))).doesNotStartWith("\uFEFF");
    assertThat(console.toString()).contains("old commune").contains("commune partial")
        .contains("1,012");
  }

  private static List<List<String>> fields(List<ContractCsvReader.Row> rows) {
    return rows.stream().map(ContractCsvReader.Row::fields).toList();
  }
}
