package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class YearOverYearTest {
  @Test
  void compares_a_quarter_with_the_same_quarter_a_year_earlier() {
    // 2019-Q3 = 120 vs 2018-Q3 = 100 → +20 absolute, 20 / 100 = +20 %.
    // 2019-Q2 = 500 is ignored: it is the previous quarter, not the previous year.
    Series s = Series.of(Point.of("2018-Q3", 100), Point.of("2019-Q2", 500),
        Point.of("2019-Q3", 120));

    YearOverYear q3 = YearOverYear.of(s).get(2);

    assertThat(q3.period()).isEqualTo(Period.parse("2019-Q3"));
    assertThat(q3.previousValue().getAsDouble()).isEqualTo(100);
    assertThat(q3.absoluteChange().getAsDouble()).isCloseTo(20, within(1e-12));
    assertThat(q3.percentChange().getAsDouble()).isCloseTo(20, within(1e-12));
  }

  @Test
  void a_decrease_is_negative() {
    // 2019-07 = 75 vs 2018-07 = 100 → −25, −25 / 100 = −25 %
    List<YearOverYear> yoy = YearOverYear.of(
        Series.of(Point.of("2018-07", 100), Point.of("2019-07", 75)));

    assertThat(yoy.get(1).absoluteChange().getAsDouble()).isCloseTo(-25, within(1e-12));
    assertThat(yoy.get(1).percentChange().getAsDouble()).isCloseTo(-25, within(1e-12));
  }

  @Test
  void yoy_is_absent_when_the_previous_year_is_missing() {
    // 2018 has no point (a gap, not a zero), so 2019 has no change; 2017 has no 2016 either
    List<YearOverYear> yoy = YearOverYear.of(
        Series.of(Point.of("2017", 80), Point.of("2019", 120)));

    assertThat(yoy).hasSize(2).allSatisfy(y -> {
      assertThat(y.previousValue()).isEmpty();
      assertThat(y.absoluteChange()).isEmpty();
      assertThat(y.percentChange()).isEmpty();
    });
  }

  @Test
  void percent_is_absent_when_the_previous_value_is_zero_but_the_absolute_change_is_not() {
    // 2019-H1 = 30 vs 2018-H1 = 0 → +30, percentage undefined (30 / 0)
    YearOverYear h1 = YearOverYear.of(
        Series.of(Point.of("2018-H1", 0), Point.of("2019-H1", 30))).get(1);

    assertThat(h1.absoluteChange().getAsDouble()).isEqualTo(30);
    assertThat(h1.percentChange()).isEmpty();
  }

  @Test
  void a_negative_base_keeps_up_as_positive() {
    // −100 → −50 is an improvement of +50; (−50 − −100) / |−100| = +50 %
    YearOverYear y = YearOverYear.of(
        Series.of(Point.of("2018", -100), Point.of("2019", -50))).get(1);

    assertThat(y.absoluteChange().getAsDouble()).isEqualTo(50);
    assertThat(y.percentChange().getAsDouble()).isCloseTo(50, within(1e-12));
  }
}
