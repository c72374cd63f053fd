package vn.danvan.etl.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Vocabulary;

class ProvincesTest {

  @Test
  void ships_63_old_and_34_new_provinces_with_their_validity() {
    List<RegionRow> rows = Provinces.regions();
    List<RegionRow> old = rows.stream().filter(r -> r.validTo() != null).toList();
    List<RegionRow> current = rows.stream().filter(r -> r.validTo() == null).toList();

    assertThat(old).hasSize(63).allSatisfy(r -> {
      assertThat(r.validFrom()).isEqualTo(LocalDate.of(2008, 8, 1));
      assertThat(r.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
    });
    assertThat(current).hasSize(34)
        .allSatisfy(r -> assertThat(r.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1)));
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.level()).isEqualTo("province");
      assertThat(r.code()).matches("\\d{2}");
      assertThat(r.parentCode()).isNull();
    });
    assertThat(old).extracting(RegionRow::code).doesNotHaveDuplicates().contains("01", "02", "79");
    assertThat(current).extracting(RegionRow::code).doesNotHaveDuplicates().contains("01", "37", "79");
  }

  @Test
  void a_reused_code_names_different_units_before_and_after_the_reform() {
    Map<LocalDate, String> ninhBinh = Provinces.regions().stream().filter(r -> r.code().equals("37"))
        .collect(Collectors.toMap(RegionRow::validFrom, RegionRow::name));
    assertThat(ninhBinh).containsEntry(LocalDate.of(2008, 8, 1), "Tỉnh Ninh Bình")
        .containsEntry(LocalDate.of(2025, 7, 1), "Tỉnh Ninh Bình");
    assertThat(Provinces.regions()).filteredOn(r -> r.code().equals("02")).singleElement()
        .extracting(RegionRow::name).isEqualTo("Tỉnh Hà Giang");
  }

  @Test
  void lineage_links_every_old_province_once_and_wholly() {
    List<LineageRow> lineage = Provinces.lineage();
    assertThat(lineage).hasSize(63).allSatisfy(l -> {
      assertThat(l.relation()).isEqualTo("full");
      assertThat(l.weight()).isEqualTo(1.0);
      assertThat(l.effectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1));
    });
    assertThat(lineage).extracting(LineageRow::oldCode).doesNotHaveDuplicates();
    Map<String, List<String>> formedFrom = lineage.stream().collect(Collectors.groupingBy(
        LineageRow::newCode, Collectors.mapping(LineageRow::oldCode, Collectors.toList())));
    assertThat(formedFrom).hasSize(34);
    assertThat(formedFrom.get("37")).containsExactlyInAnyOrder("35", "36", "37");
    assertThat(formedFrom.get("79")).containsExactlyInAnyOrder("74", "77", "79");
    assertThat(formedFrom.get("01")).containsExactly("01");
  }

  @Test
  void special_areas_use_the_contract_vocabulary_and_new_provinces_inherit_them() {
    List<RegionRow> rows = Provinces.regions();
    assertThat(rows).filteredOn(r -> r.specialArea() != null).allSatisfy(r ->
        assertThat(List.of(r.specialArea().split(";"))).isSubsetOf(Vocabulary.SPECIAL_AREA));
    RegionRow caoBang = rows.stream().filter(r -> r.code().equals("04") && r.validTo() != null)
        .findFirst().orElseThrow();
    assertThat(caoBang.specialArea()).contains("border").contains("mountain");
    RegionRow hcmc = rows.stream().filter(r -> r.code().equals("79") && r.validTo() == null)
        .findFirst().orElseThrow();
    assertThat(hcmc.specialArea()).contains("coastal").contains("island");
  }
}
