package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

class ScopeCheckTest {
  @TempDir Path tmp;

  /**
   * A snapshot whose regions are Hà Nội (01) and Huế (46) with, in 2025 boundaries, the communes
   * 00004 and 00008; in reported boundaries also the district 001 and the commune 00010, which
   * ceased on 2025-07-01.
   */
  static Lake lakeWithRegions(Path root) {
    String regions = String.join(" UNION ALL ",
        "SELECT m.b AS boundaries, 'nation' AS level, 'VN' AS region_code, 'Việt Nam' AS name, "
            + "CAST(NULL AS VARCHAR) AS parent_code, CAST(NULL AS DATE) AS valid_from FROM (VALUES ('reported'), ('2025')) m(b)",
        "SELECT m.b, 'province', '01', 'Thành phố Hà Nội', 'VN', DATE '2025-07-01' FROM (VALUES ('reported'), ('2025')) m(b)",
        "SELECT m.b, 'province', '46', 'Thành phố Huế', 'VN', DATE '2025-07-01' FROM (VALUES ('reported'), ('2025')) m(b)",
        "SELECT 'reported', 'district', '001', 'Quận Ba Đình', '01', DATE '2008-08-01'",
        "SELECT 'reported', 'commune', '00010', 'Phường Điện Biên', '001', DATE '2008-08-01'",
        "SELECT '2025', 'commune', '00004', 'Phường Ba Đình', '01', DATE '2025-07-01'",
        "SELECT '2025', 'commune', '00008', 'Phường Ngọc Hà', '01', DATE '2025-07-01'");
    TestLake lake = TestLake.in(root)
        .parquet("s1", "mart_regions/part-0.parquet", "SELECT boundaries, level, region_code, name, parent_code, "
            + "valid_from, CAST(NULL AS DATE) AS valid_to FROM (" + regions + ")")
        .publish("s1");
    return Lake.at(lake.root());
  }

  @Test
  void accepts_the_country_a_2025_province_and_a_2025_commune_with_their_names() {
    Lake lake = lakeWithRegions(tmp);
    assertThat(ScopeCheck.check(lake, "01"))
        .isEqualTo(new ScopeCheck.Checked(new RegionScope("01"), "Thành phố Hà Nội", null));
    assertThat(ScopeCheck.check(lake, "00008"))
        .isEqualTo(new ScopeCheck.Checked(new RegionScope("00008"), "Phường Ngọc Hà", null));
    assertThat(ScopeCheck.check(lake, "VN").scope()).isEqualTo(RegionScope.country());
  }

  @Test
  void refuses_a_district_a_ceased_commune_and_an_unknown_code_naming_it() {
    Lake lake = lakeWithRegions(tmp);
    assertThatThrownBy(() -> ScopeCheck.check(lake, "001")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'001'").hasMessageContaining("districts ceased on 2025-07-01");
    assertThatThrownBy(() -> ScopeCheck.check(lake, "00010"))
        .hasMessage("scope refused: '00010' is not a 2025 province or commune in snapshot s1 "
            + "(units that ceased on 2025-07-01 are no scope)");
    assertThatThrownBy(() -> ScopeCheck.check(lake, "99")).hasMessageContaining("'99' is not a 2025 province");
    assertThatThrownBy(() -> ScopeCheck.check(lake, "hanoi")).hasMessageContaining("'hanoi' is not VN");
  }

  @Test
  void without_a_snapshot_a_well_formed_code_is_accepted_with_a_warning() {
    Lake empty = Lake.at(tmp.resolve("empty"));
    ScopeCheck.Checked checked = ScopeCheck.check(empty, "79");
    assertThat(checked.scope()).isEqualTo(new RegionScope("79"));
    assertThat(checked.name()).isNull();
    assertThat(checked.warning()).contains("no snapshot published").contains("'79' not checked");
    assertThat(ScopeCheck.check(empty, "VN").warning()).isNull();
  }
}
