package vn.danvan.etl.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.danvan.etl.outreach.PostAreas.Area;

/**
 * Where a post counts in both boundary modes. Old province 01: district 001 (communes 00001, 00004),
 * district 002 (commune 00007); old 02 merged into new 08. New province 01: communes 00004 (a reused
 * code) and 00010. Links: 00001 → 00004 whole; 00004 → 00004 (0.75) and 00010 (0.25) by population;
 * 00007 → 00004 (0.6) and 00010 (0.4) by weight.
 */
class PostAreasTest {
  static final StructType NODE = new StructType().add("code", DataTypes.StringType)
      .add("era", DataTypes.StringType).add("parent_code", DataTypes.StringType);
  static final StructType SHARE = new StructType().add("old_code", DataTypes.StringType)
      .add("new_code", DataTypes.StringType).add("share", DataTypes.DoubleType).add("mrank", DataTypes.IntegerType);
  static final StructType LINK = new StructType().add("old_code", DataTypes.StringType)
      .add("new_code", DataTypes.StringType);

  static final PostAreas AREAS = new PostAreas(
      List.of(node("01", "old", null), node("001", "old", "01"), node("002", "old", "01"),
          node("00001", "old", "001"), node("00004", "old", "001"), node("00007", "old", "002"),
          node("02", "old", null), node("01", "new", null), node("08", "new", null),
          node("00004", "new", "01"), node("00010", "new", "01")),
      List.of(share("00001", "00004", 1.0, 0), share("00004", "00004", 0.75, 2), share("00004", "00010", 0.25, 2),
          share("00007", "00010", 0.4, 1), share("00007", "00004", 0.6, 1)),
      List.of(link("01", "01"), link("02", "08")));

  static final LocalDate BEFORE = LocalDate.of(2019, 5, 1);
  static final LocalDate AFTER = LocalDate.of(2025, 9, 1);

  @Test
  void an_old_commune_with_one_full_link_moves_whole() {
    assertThat(AREAS.of("00001", BEFORE)).isEqualTo(new Area("01", "001", "00001", "01", "00004", true));
  }

  @Test
  void a_split_commune_goes_whole_to_its_largest_share_and_is_inexact() {
    // 00007: 0.6 to 00004 beats 0.4 to 00010
    assertThat(AREAS.of("00007", BEFORE)).isEqualTo(new Area("01", "002", "00007", "01", "00004", false));
  }

  @Test
  void a_reused_code_is_the_old_commune_before_the_reform_and_the_new_one_after() {
    assertThat(AREAS.of("00004", BEFORE)).isEqualTo(new Area("01", "001", "00004", "01", "00004", false));
    assertThat(AREAS.of("00004", AFTER)).isEqualTo(new Area("01", null, "00004", "01", "00004", true));
  }

  @Test
  void districts_and_provinces_move_with_their_old_province() {
    assertThat(AREAS.of("001", BEFORE)).isEqualTo(new Area("01", "001", null, "01", null, true));
    assertThat(AREAS.of("02", BEFORE)).isEqualTo(new Area("02", null, null, "08", null, true));
    assertThat(AREAS.of("08", AFTER)).isEqualTo(new Area("08", null, null, "08", null, true));
  }

  private static Row node(String code, String era, String parent) {
    return new GenericRowWithSchema(new Object[] {code, era, parent}, NODE);
  }

  private static Row share(String from, String to, double share, int mrank) {
    return new GenericRowWithSchema(new Object[] {from, to, share, mrank}, SHARE);
  }

  private static Row link(String from, String to) {
    return new GenericRowWithSchema(new Object[] {from, to}, LINK);
  }
}
