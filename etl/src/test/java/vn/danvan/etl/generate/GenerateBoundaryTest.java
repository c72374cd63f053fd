package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.LandingReader.LandingRow;
import vn.danvan.etl.regions.AdminUnitsImport;
import vn.danvan.etl.regions.RegionRow;

/** Records dated from 2025-07-01 use the new units' codes, records before it the old ones. */
class GenerateBoundaryTest {
  private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
  @TempDir
  static Path out;
  private static final Set<String> oldCodes = new HashSet<>();
  private static final Set<String> newCodes = new HashSet<>();
  private static Set<String> planted;

  @BeforeAll
  static void generate2025() throws Exception {
    Path reference = Fixtures.reference();
    assumeThat(reference).as("admin-unit files under -Ddanvan.shared (absent without ../shared)").isNotNull();
    for (RegionRow r : AdminUnitsImport.read(reference).regions()) {
      (r.validTo() == null ? newCodes : oldCodes).add(r.code());
    }
    Fixtures.generate(Fixtures.config(out, "2025", 0.1, 5, reference));
    planted = Fixtures.planted(out);
  }

  private static List<LandingRow> good(Table t) throws Exception {
    return Fixtures.good(out, planted, t);
  }

  @Test
  void every_activity_from_the_reform_on_uses_a_new_unit_and_before_it_an_old_one() throws Exception {
    List<LandingRow> activities = good(Table.ACTIVITIES);
    List<LandingRow> after = activities.stream()
        .filter(r -> !LocalDate.parse(r.get("start_date")).isBefore(REFORM)).toList();
    List<LandingRow> before = activities.stream()
        .filter(r -> LocalDate.parse(r.get("start_date")).isBefore(REFORM)).toList();
    assertThat(after).hasSizeGreaterThan(500)
        .allSatisfy(r -> assertThat(newCodes).as(r.get("activity_id")).contains(r.get("region_code")));
    assertThat(after).noneMatch(r -> r.get("region_code").length() == 3);
    assertThat(before).hasSizeGreaterThan(500)
        .allSatisfy(r -> assertThat(oldCodes).as(r.get("activity_id")).contains(r.get("region_code")));
    assertThat(before).anyMatch(r -> r.get("region_code").length() == 3);
    assertThat(before).filteredOn(r -> r.get("end_date") != null)
        .allMatch(r -> LocalDate.parse(r.get("end_date")).isBefore(REFORM));
  }

  @Test
  void posts_follow_the_local_date_even_when_written_in_utc() throws Exception {
    ZoneOffset vietnam = ZoneOffset.ofHours(7);
    List<LandingRow> posts = good(Table.POSTS);
    assertThat(posts).isNotEmpty().allSatisfy(r -> {
      LocalDate local = OffsetDateTime.parse(r.get("published_at")).atZoneSameInstant(vietnam).toLocalDate();
      assertThat(local.isBefore(REFORM) ? oldCodes : newCodes).as(r.get("post_id") + " " + r.get("published_at"))
          .contains(r.get("region_code"));
    });
  }

  @Test
  void reports_of_the_first_half_use_old_units_and_later_reports_new_ones() throws Exception {
    List<LandingRow> reports = good(Table.REPORT_VALUES);
    assertThat(reports).filteredOn(r -> LocalDate.parse(r.get("period_end")).isBefore(REFORM)).isNotEmpty()
        .allSatisfy(r -> assertThat(oldCodes).contains(r.get("region_code")));
    assertThat(reports).filteredOn(r -> !LocalDate.parse(r.get("period_start")).isBefore(REFORM)).isNotEmpty()
        .allSatisfy(r -> assertThat(newCodes).contains(r.get("region_code")));
    assertThat(reports).filteredOn(r -> r.get("period_start").equals("2025-01-01") && r.get("period_end").equals("2025-12-31"))
        .isNotEmpty().allSatisfy(r -> assertThat(newCodes).contains(r.get("region_code")));
  }

  @Test
  void population_of_2025_is_given_for_the_new_units() throws Exception {
    List<LandingRow> population = good(Table.POPULATION);
    assertThat(population).hasSize(newCodes.size())
        .allSatisfy(r -> assertThat(newCodes).contains(r.get("region_code")));
  }

  @Test
  void the_most_populous_provinces_read_their_survey_by_district_before_the_reform_and_by_commune_after()
      throws Exception {
    List<LandingRow> responses = good(Table.SURVEY_RESPONSES);
    Set<String> districts = new HashSet<>();
    Set<String> communes = new HashSet<>();
    for (LandingRow r : responses) {
      String code = r.get("region_code");
      if (r.get("wave_id").equals("W2025-1") && code.length() == 3) {
        districts.add(code);
      } else if (r.get("wave_id").equals("W2025-2") && code.length() == 5) {
        communes.add(code);
      }
    }
    assertThat(responses).noneMatch(r -> r.get("wave_id").equals("W2025-2") && r.get("region_code").length() == 3);
    assertThat(districts).isNotEmpty().hasSizeLessThanOrEqualTo(SurveysGen.OWN_SURVEYS * SurveysGen.OWN_UNITS)
        .allSatisfy(c -> assertThat(oldCodes).contains(c));
    assertThat(communes).isNotEmpty().hasSizeLessThanOrEqualTo(SurveysGen.OWN_SURVEYS * SurveysGen.OWN_UNITS)
        .allSatisfy(c -> assertThat(newCodes).contains(c));
  }
}
