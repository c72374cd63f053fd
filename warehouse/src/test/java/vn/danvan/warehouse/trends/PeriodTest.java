package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.contract.Grain;

class PeriodTest {
  @Test
  void parses_the_four_label_forms_with_grain_year_and_number() {
    assertThat(Period.parse("2019")).isEqualTo(new Period(Grain.YEAR, 2019, 1));
    assertThat(Period.parse("2019-H2")).isEqualTo(new Period(Grain.HALF, 2019, 2));
    assertThat(Period.parse("2019-Q3")).isEqualTo(new Period(Grain.QUARTER, 2019, 3));
    assertThat(Period.parse("2019-07")).isEqualTo(new Period(Grain.MONTH, 2019, 7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019", "2019-H1", "2019-Q4", "2019-01", "2019-12"})
  void label_round_trips(String label) {
    assertThat(Period.parse(label).label()).isEqualTo(label);
    assertThat(Period.parse(label)).hasToString(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-Q5", "2019-Q0", "2019-H3", "2019-13", "2019-00", "2019-7", "19",
      "2019Q1", "2019-q1", " 2019", ""})
  void rejects_malformed_labels_naming_them(String label) {
    assertThatThrownBy(() -> Period.parse(label))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + label + "'");
  }

  @Test
  void rejects_numbers_outside_the_grain() {
    assertThatThrownBy(() -> new Period(Grain.QUARTER, 2019, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a QUARTER period's number must be 1-4, not 5");
  }

  @Test
  void consecutive_periods_differ_by_one_across_the_year_boundary() {
    // 2019-Q4 = 2019*4 + 3 = 8079, 2020-Q1 = 2020*4 + 0 = 8080
    assertThat(Period.parse("2019-Q4").index()).isEqualTo(8079);
    assertThat(Period.parse("2020-Q1").index()).isEqualTo(8080);
    // 2019-12 = 2019*12 + 11 = 24239, 2020-01 = 24240
    assertThat(Period.parse("2020-01").index() - Period.parse("2019-12").index()).isEqualTo(1);
    assertThat(Period.parse("2020-H1").index() - Period.parse("2019-H2").index()).isEqualTo(1);
    assertThat(Period.parse("2020").index() - Period.parse("2019").index()).isEqualTo(1);
  }

  @Test
  void previous_year_same_keeps_the_position_within_the_year() {
    assertThat(Period.parse("2019-Q3").previousYearSame()).isEqualTo(Period.parse("2018-Q3"));
    assertThat(Period.parse("2019-07").previousYearSame()).isEqualTo(Period.parse("2018-07"));
    assertThat(Period.parse("2019-H1").previousYearSame()).isEqualTo(Period.parse("2018-H1"));
    assertThat(Period.parse("2019").previousYearSame()).isEqualTo(Period.parse("2018"));
  }

  @Test
  void length_in_years_follows_the_grain() {
    assertThat(Period.parse("2019").lengthInYears()).isEqualTo(1.0);
    assertThat(Period.parse("2019-H1").lengthInYears()).isEqualTo(0.5);
    assertThat(Period.parse("2019-Q1").lengthInYears()).isEqualTo(0.25);
    assertThat(Period.parse("2019-01").lengthInYears()).isCloseTo(1.0 / 12, within(1e-15));
  }

  @Test
  void years_until_runs_start_to_start() {
    // 2019-Q1 → 2020-Q3: 6 quarters / 4 = 1.5 years; 2019-07 → 2020-01: 6 months = 0.5 years
    assertThat(Period.parse("2019-Q1").yearsUntil(Period.parse("2020-Q3"))).isEqualTo(1.5);
    assertThat(Period.parse("2019-07").yearsUntil(Period.parse("2020-01"))).isEqualTo(0.5);
  }

  @Test
  void years_until_rejects_mixed_grains() {
    assertThatThrownBy(() -> Period.parse("2019").yearsUntil(Period.parse("2020-Q1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periods 2019 (YEAR) and 2020-Q1 (QUARTER) have different grains");
  }

  @Test
  void orders_chronologically_then_longer_grain_first() {
    assertThat(Period.parse("2019-Q4")).isLessThan(Period.parse("2020-Q1"));
    assertThat(Period.parse("2019-12")).isGreaterThan(Period.parse("2019-Q4"));
    assertThat(Period.parse("2019")).isLessThan(Period.parse("2019-01"));
  }
}
