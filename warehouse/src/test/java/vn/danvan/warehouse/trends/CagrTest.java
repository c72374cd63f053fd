package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CagrTest {
  @Test
  void cagr_of_100_to_121_over_two_years_is_ten_percent() {
    // 2019 → 2021 = 2 years; (121 / 100)^(1/2) − 1 = 1.1 − 1 = 0.10. 2020 does not enter.
    Series s = Series.of(Point.of("2019", 100), Point.of("2020", 500), Point.of("2021", 121));

    Cagr cagr = Cagr.of(s).orElseThrow();

    assertThat(cagr.years()).isEqualTo(2.0);
    assertThat(cagr.rate()).isCloseTo(0.10, within(1e-12));
    assertThat(cagr.percent()).isCloseTo(10.0, within(1e-10));
  }

  @Test
  void years_come_from_the_periods_not_the_number_of_points() {
    // quarters 2019-Q1 → 2020-Q3 = 6 quarters = 1.5 years, with a gap in between;
    // 133.1 / 100 = 1.331 = 1.1^3 = (1.1^2)^1.5, so rate = 1.331^(1/1.5) − 1 = 1.21 − 1 = 0.21
    Series s = Series.of(Point.of("2019-Q1", 100), Point.of("2019-Q2", 1),
        Point.of("2020-Q3", 133.1));

    Cagr cagr = Cagr.of(s).orElseThrow();

    assertThat(cagr.years()).isEqualTo(1.5);
    assertThat(cagr.rate()).isCloseTo(0.21, within(1e-12));
  }

  @Test
  void between_given_periods_ignores_the_points_outside() {
    // 2019-07 = 100 → 2020-07 = 90 over 1 year: 90 / 100 − 1 = −0.10
    Series s = Series.of(Point.of("2019-01", 1), Point.of("2019-07", 100),
        Point.of("2020-07", 90), Point.of("2020-12", 1000));

    Cagr cagr = Cagr.between(s, Period.parse("2019-07"), Period.parse("2020-07")).orElseThrow();

    assertThat(cagr.rate()).isCloseTo(-0.10, within(1e-12));
  }

  @Test
  void is_absent_with_fewer_than_two_points() {
    assertThat(Cagr.of(Series.of())).isEmpty();
    assertThat(Cagr.of(Series.of(Point.of("2019", 100)))).isEmpty();
  }

  @Test
  void is_absent_when_the_first_value_is_not_positive_or_the_last_is_negative() {
    assertThat(Cagr.of(Series.of(Point.of("2019", 0), Point.of("2021", 121)))).isEmpty();
    assertThat(Cagr.of(Series.of(Point.of("2019", -5), Point.of("2021", 121)))).isEmpty();
    assertThat(Cagr.of(Series.of(Point.of("2019", 100), Point.of("2021", -1)))).isEmpty();
  }

  @Test
  void a_last_value_of_zero_is_minus_one_hundred_percent() {
    // (0 / 100)^(1/2) − 1 = −1
    Cagr cagr = Cagr.of(Series.of(Point.of("2019", 100), Point.of("2021", 0))).orElseThrow();

    assertThat(cagr.rate()).isEqualTo(-1.0);
  }

  @Test
  void between_is_absent_when_a_period_has_no_point() {
    Series s = Series.of(Point.of("2019", 100), Point.of("2021", 121));

    assertThat(Cagr.between(s, Period.parse("2019"), Period.parse("2020"))).isEmpty();
  }

  @Test
  void between_rejects_periods_in_the_wrong_order() {
    Series s = Series.of(Point.of("2019", 100), Point.of("2021", 121));

    assertThatThrownBy(() -> Cagr.between(s, Period.parse("2021"), Period.parse("2019")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CAGR needs 'to' after 'from', got 2021 → 2019");
  }
}
