package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.etl.regions.AdminUnits;
import vn.danvan.etl.regions.LineageRow;
import vn.danvan.etl.regions.RegionRow;

/** Without the public admin-unit files the generator makes up units shaped like the real ones. */
class GenerateSyntheticUnitsTest {
  private static final AdminUnits UNITS = SyntheticUnits.build(1);

  @Test
  void has_63_old_and_34_new_provinces_districts_and_about_ten_thousand_communes() {
    Map<String, Long> counts = UNITS.countsByLevel();
    assertThat(counts).containsEntry("old province", 63L).containsEntry("new province", 34L)
        .doesNotContainKey("new district");
    assertThat(counts.get("old district")).isBetween(600L, 800L);
    assertThat(counts.get("old commune")).isBetween(8_000L, 12_000L);
    assertThat(counts.get("new commune")).isBetween(2_700L, 4_000L);
    assertThat(UNITS.regions()).filteredOn(r -> r.validTo() == null)
        .allMatch(r -> r.validFrom().toString().equals("2025-07-01"));
    assertThat(UNITS.regions()).filteredOn(r -> r.validTo() != null)
        .allMatch(r -> r.validFrom().toString().equals("2008-08-01") && r.validTo().toString().equals("2025-06-30"));
  }

  @Test
  void every_old_commune_is_linked_to_new_ones_fully_or_in_part() {
    Set<String> oldCommunes = UNITS.regions().stream()
        .filter(r -> r.level().equals("commune") && r.validTo() != null).map(RegionRow::code).collect(Collectors.toSet());
    List<LineageRow> communeLinks = UNITS.lineage().stream().filter(l -> l.newCode().length() == 5).toList();
    assertThat(communeLinks.stream().map(LineageRow::oldCode).collect(Collectors.toSet())).isEqualTo(oldCommunes);
    assertThat(communeLinks).anyMatch(l -> l.relation().equals("partial") && l.weight() == null)
        .anyMatch(l -> l.relation().equals("full") && l.weight() == 1.0);
    assertThat(UNITS.lineage()).filteredOn(l -> l.newCode().length() == 2).hasSize(63);
  }

  @Test
  void some_new_commune_codes_never_existed_before_so_region_errors_can_be_planted() {
    Units units = new Units(UNITS, "synthetic", true, 1);
    SplittableRandom rnd = new SplittableRandom(1);
    Set<String> oldCodes = new HashSet<>();
    UNITS.regions().stream().filter(r -> r.validTo() != null).forEach(r -> oldCodes.add(r.code()));
    String newOnly = units.otherEraOnly(Era.OLD, "00004", rnd);
    assertThat(newOnly).isNotNull().hasSize(5).isNotIn(oldCodes);
    assertThat(units.unknownCode("01", rnd)).hasSize(2);
    assertThat(units.old.provinces()).isEqualTo(63);
    assertThat(units.current.provinces()).isEqualTo(34);
  }

  @Test
  void a_folder_generated_without_reference_says_so_and_holds_the_synthetic_units(@TempDir Path out)
      throws Exception {
    Manifest manifest = Fixtures.generate(Fixtures.config(out, "2025", 0.02, 1, null));

    assertThat(manifest.synthetic()).isTrue();
    assertThat(manifest.rows(Table.REGIONS)).isEqualTo(UNITS.regions().size());
    assertThat(manifest.rows(Table.REGION_LINEAGE)).isEqualTo(UNITS.lineage().size());
    assertThat(java.nio.file.Files.readString(out.resolve("_manifest.json"))).contains("\"units\" : \"synthetic\"");
    List<LoaderRules.Verdict> verdicts = LoaderRules.check(out);
    assertThat(verdicts).filteredOn(v -> v.failed().size() > 1).isEmpty();
    assertThat(verdicts).filteredOn(v -> v.failed().contains(Reason.REGION_NOT_VALID_ON_DATE)).isNotEmpty();
  }

  @Test
  void the_reference_is_looked_for_in_env_then_property_then_working_dir_then_next_to_the_jar() {
    Set<Path> existing = new HashSet<>();
    ReferenceLocator locator = new ReferenceLocator(Map.of("DANVAN_SHARED", "/env/shared"), "/prop/shared",
        Path.of("/work/main"), Path.of("/work/main/etl/target"), existing::contains);

    assertThat(locator.candidates()).extracting(ReferenceLocator.Candidate::dir).containsExactly(
        Path.of("/env/shared/reference/admin-units"), Path.of("/prop/shared/reference/admin-units"),
        Path.of("/work/shared/reference/admin-units"), Path.of("/work/shared/reference/admin-units"));
    assertThat(locator.find()).isEmpty();
    existing.add(Path.of("/prop/shared/reference/admin-units"));
    assertThat(locator.find()).get().extracting(ReferenceLocator.Candidate::origin)
        .isEqualTo("system property danvan.shared");
    existing.add(Path.of("/env/shared/reference/admin-units"));
    assertThat(locator.find()).get().extracting(ReferenceLocator.Candidate::origin).isEqualTo("env DANVAN_SHARED");
  }
}
