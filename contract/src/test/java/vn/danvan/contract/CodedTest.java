package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The codes the marts write and the API reads, and the calendar and region rules behind them. */
class CodedTest {
  @Test
  void codes_are_the_marts_column_values() {
    assertThat(Coded.codes(Boundaries.values())).containsExactly("reported", "2025");
    assertThat(Coded.codes(Grain.values())).containsExactly("year", "half", "quarter", "month");
    assertThat(Coded.codes(Level.values())).containsExactly("nation", "province", "district", "commune");
    assertThat(Coded.codes(PostAge.values())).containsExactly("1h", "24h", "7d");
    assertThat(Coded.find("2025", Boundaries.values())).contains(Boundaries.RESTATED_2025);
    assertThat(Coded.find("district", Level.PROVINCE, Level.COMMUNE)).isEmpty();
  }

  @Test
  void grains_nest_by_rank_and_start_their_periods_on_the_calendar() {
    assertThat(Grain.MONTH.rank()).isLessThan(Grain.QUARTER.rank());
    assertThat(Grain.QUARTER.rank()).isLessThan(Grain.HALF.rank());
    assertThat(Grain.HALF.rank()).isLessThan(Grain.YEAR.rank());
    assertThat(Grain.DAY_RANK).isLessThan(Grain.MONTH.rank());
    for (Grain g : Grain.values()) {
      assertThat(Grain.ofRank(g.rank())).isEqualTo(g);
    }
    assertThatThrownBy(() -> Grain.ofRank(Grain.DAY_RANK)).isInstanceOf(IllegalArgumentException.class);
    LocalDate d = LocalDate.of(2023, 8, 17);
    assertThat(Grain.MONTH.periodStart(d)).isEqualTo("2023-08-01");
    assertThat(Grain.QUARTER.periodStart(d)).isEqualTo("2023-07-01");
    assertThat(Grain.HALF.periodStart(d)).isEqualTo("2023-07-01");
    assertThat(Grain.HALF.periodStart(LocalDate.of(2023, 6, 30))).isEqualTo("2023-01-01");
    assertThat(Grain.YEAR.periodStart(d)).isEqualTo("2023-01-01");
    assertThat(Grain.QUARTER.lengthInYears()).isEqualTo(0.25);
  }

  @Test
  void a_code_tells_its_level_by_its_length() {
    assertThat(Level.ofCode("VN")).contains(Level.NATION);
    assertThat(Level.ofCode("01")).contains(Level.PROVINCE);
    assertThat(Level.ofCode("001")).contains(Level.DISTRICT);
    assertThat(Level.ofCode("00004")).contains(Level.COMMUNE);
    assertThat(Level.ofCode("0001")).isEmpty();
    assertThat(Level.ofCode("ab")).isEmpty();
    assertThat(Level.ofCode(null)).isEmpty();
  }

  @Test
  void districts_exist_only_as_reported_and_the_reform_is_1_july_2025() {
    assertThat(Boundaries.REFORM).isEqualTo("2025-07-01");
    assertThat(Boundaries.REPORTED.has(Level.DISTRICT)).isTrue();
    assertThat(Boundaries.RESTATED_2025.has(Level.DISTRICT)).isFalse();
    assertThat(Boundaries.RESTATED_2025.has(Level.COMMUNE)).isTrue();
  }

  @Test
  void a_post_age_names_its_columns() {
    assertThat(PostAge.H24.column("score")).isEqualTo("score_24h");
    assertThat(PostAge.D7.seconds()).isEqualTo(7 * 86_400L);
  }
}
