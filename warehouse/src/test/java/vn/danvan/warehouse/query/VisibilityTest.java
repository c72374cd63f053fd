package vn.danvan.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.regions.RegionLookup;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * A region scope resolved against a small tree with every case of the lineage:
 * <pre>
 * before 2025-07-01                     from 2025-07-01
 * 01  001  00004 ------ full ---------> 01  00004
 *          00007 ------ full ---------> 01  00025
 *     002  00010 ------ full ---------> 01  00025
 * 02  020  00600 ------ full ---------> 08  02500
 * 79  760  26734 ------ full ---------> 79  26734
 *          26737 --- 0.7 partial -----> 79  26734
 *                 \\- 0.3 partial -----> 01  00025   (split across the border of 01 and 79)
 * provinces: 01 -> 01, 02 -> 08, 79 -> 79 (full)
 * </pre>
 */
class VisibilityTest {
  private static final String SNAPSHOT = "20260101T000000000Z-5c09e000";
  private static final Boundaries REPORTED = Boundaries.REPORTED;
  private static final Boundaries RESTATED = Boundaries.RESTATED_2025;

  @TempDir static Path tmp;
  private static Lake lake;

  @BeforeAll
  static void writeLake() {
    String old = "DATE '2008-08-01'";
    String neu = "DATE '2025-07-01'";
    String units = String.join(", ",
        "('reported', 'nation', 'VN', NULL, NULL)",
        "('reported', 'province', '01', 'VN', " + old + ")", "('reported', 'province', '02', 'VN', " + old + ")",
        "('reported', 'province', '79', 'VN', " + old + ")",
        "('reported', 'district', '001', '01', " + old + ")", "('reported', 'district', '002', '01', " + old + ")",
        "('reported', 'district', '020', '02', " + old + ")", "('reported', 'district', '760', '79', " + old + ")",
        "('reported', 'commune', '00004', '001', " + old + ")", "('reported', 'commune', '00007', '001', " + old + ")",
        "('reported', 'commune', '00010', '002', " + old + ")", "('reported', 'commune', '00600', '020', " + old + ")",
        "('reported', 'commune', '26734', '760', " + old + ")", "('reported', 'commune', '26737', '760', " + old + ")",
        // the 2025 units, in both modes
        "('reported', 'province', '01', 'VN', " + neu + ")", "('reported', 'province', '08', 'VN', " + neu + ")",
        "('reported', 'province', '79', 'VN', " + neu + ")",
        "('reported', 'commune', '00004', '01', " + neu + ")", "('reported', 'commune', '00025', '01', " + neu + ")",
        "('reported', 'commune', '02500', '08', " + neu + ")", "('reported', 'commune', '26734', '79', " + neu + ")",
        "('2025', 'nation', 'VN', NULL, NULL)",
        "('2025', 'province', '01', 'VN', " + neu + ")", "('2025', 'province', '08', 'VN', " + neu + ")",
        "('2025', 'province', '79', 'VN', " + neu + ")",
        "('2025', 'commune', '00004', '01', " + neu + ")", "('2025', 'commune', '00025', '01', " + neu + ")",
        "('2025', 'commune', '02500', '08', " + neu + ")", "('2025', 'commune', '26734', '79', " + neu + ")");
    String links = String.join(", ", "('01', '01', 'full', 1.0)", "('02', '08', 'full', 1.0)",
        "('79', '79', 'full', 1.0)", "('00004', '00004', 'full', 1.0)", "('00007', '00025', 'full', 1.0)",
        "('00010', '00025', 'full', 1.0)", "('00600', '02500', 'full', 1.0)", "('26734', '26734', 'full', 1.0)",
        "('26737', '26734', 'partial', 0.7)", "('26737', '00025', 'partial', 0.3)");
    TestLake.in(tmp.resolve("lake"))
        .parquet(SNAPSHOT, "mart_regions/part-0.parquet", "SELECT b AS boundaries, level, code AS region_code, "
            + "'Đơn vị ' || code AS name, parent AS parent_code, CAST(f AS DATE) AS valid_from, "
            + "CASE WHEN f < DATE '2025-07-01' THEN DATE '2025-06-30' END AS valid_to FROM (VALUES " + units
            + ") u(b, level, code, parent, f)")
        .parquet(SNAPSHOT, "region_lineage/part-0.parquet", "SELECT old_code, new_code, DATE '2025-07-01' AS "
            + "effective_date, relation, weight FROM (VALUES " + links + ") l(old_code, new_code, relation, weight)")
        .publish(SNAPSHOT);
    lake = Lake.at(tmp.resolve("lake"));
  }

  private record Row(String region) implements RegionalRow {}

  private static Visibility of(String scope) {
    try (Warehouse wh = Warehouse.open(lake)) {
      return wh.visibility(new RegionScope(scope));
    }
  }

  @Test
  void a_province_sees_its_communes_and_the_old_units_wholly_inside_it() {
    Visibility hanoi = of("01");
    assertThat(hanoi.codes(RESTATED)).containsExactlyInAnyOrder("01", "00004", "00025");
    // 00007 and 00010 went whole into 00025; 26737 was split between 01 and 79
    assertThat(hanoi.codes(REPORTED)).containsExactlyInAnyOrder("01", "001", "002", "00004", "00007", "00010",
        "00025");
    assertThat(hanoi.sees(REPORTED, "26737")).isFalse();
    assertThat(hanoi.sees(REPORTED, "VN")).isTrue();
    assertThat(hanoi.sees(RESTATED, "79")).isFalse();
  }

  @Test
  void a_split_unit_takes_its_old_parents_out_of_the_reported_mode() {
    Visibility hcm = of("79");
    assertThat(hcm.codes(RESTATED)).containsExactlyInAnyOrder("79", "26734");
    // 26737 sent 0.3 of itself to Hà Nội: neither it, nor district 760, nor the old province 79
    // (and so not the code 79 as reported) is wholly Hồ Chí Minh City's
    assertThat(hcm.codes(REPORTED)).containsExactly("26734");
  }

  @Test
  void a_merged_province_sees_the_old_province_it_took_in() {
    assertThat(of("08").codes(REPORTED)).containsExactlyInAnyOrder("08", "02", "020", "00600", "02500");
  }

  @Test
  void a_commune_sees_itself_and_the_old_units_that_became_it() {
    Visibility commune = of("00025");
    assertThat(commune.codes(RESTATED)).containsExactly("00025");
    assertThat(commune.codes(REPORTED)).containsExactlyInAnyOrder("00025", "00007", "00010", "002");
  }

  @Test
  void the_country_sees_everything_and_an_unknown_scope_only_the_nation() {
    assertThat(of("VN").isEverything()).isTrue();
    Visibility unknown = of("96");
    assertThat(unknown.codes(REPORTED)).isEmpty();
    assertThat(unknown.codes(RESTATED)).isEmpty();
    assertThat(unknown.sees(RESTATED, "VN")).isTrue();
  }

  @Test
  void a_region_parameter_outside_the_scope_is_refused_naming_it() {
    try (Warehouse wh = Warehouse.open(lake)) {
      List<Row> found = wh.read(new RegionScope("01"), s -> RegionLookup.require(s, REPORTED,
          List.of("VN", "00007")).keySet().stream().map(Row::new).toList());
      assertThat(found).containsExactly(new Row("VN"), new Row("00007"));
      assertThatThrownBy(() -> wh.read(new RegionScope("01"), s -> RegionLookup.require(s, REPORTED,
          List.of("00004", "26737", "79"))))
          .isInstanceOf(OutOfScopeException.class)
          .hasMessageStartingWith("region=26737,79 are outside your region scope (01, boundaries=reported)");
    }
  }

  @Test
  void list_answers_keep_only_the_rows_of_regions_seen() {
    try (Warehouse wh = Warehouse.open(lake)) {
      List<Row> rows = wh.read(new RegionScope("00025"), s -> List.of(new Row("VN"), new Row("00007"),
          new Row("00004"), new Row("26737")));
      assertThat(rows).containsExactly(new Row("VN"), new Row("00007"));
    }
  }
}
