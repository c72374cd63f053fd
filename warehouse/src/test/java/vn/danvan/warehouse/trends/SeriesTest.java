package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Grain;

class SeriesTest {
  @Test
  void keeps_points_in_chronological_order_whatever_the_input_order() {
    Series s = Series.of(Point.of("2020-Q1", 3), Point.of("2019-Q3", 1), Point.of("2019-Q4", 2));

    assertThat(s.points()).extracting(p -> p.period().label())
        .containsExactly("2019-Q3", "2019-Q4", "2020-Q1");
    assertThat(s.grain()).contains(Grain.QUARTER);
  }

  @Test
  void a_gap_has_no_value_rather_than_zero() {
    Series s = Series.of(Point.of("2017", 5), Point.of("2019", 7));

    assertThat(s.valueAt(Period.parse("2018"))).isEmpty();
    assertThat(s.valueAt(Period.parse("2019"))).isEqualTo(OptionalDouble.of(7));
  }

  @Test
  void rejects_points_of_different_grains() {
    assertThatThrownBy(() -> Series.of(Point.of("2019", 5), Point.of("2019-Q1", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different grains");
  }

  @Test
  void rejects_two_values_for_one_period() {
    assertThatThrownBy(() -> Series.of(Point.of("2019-07", 5), Point.of("2019-07", 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period 2019-07 appears more than once");
  }

  @Test
  void rejects_non_finite_values_because_missing_means_absent() {
    assertThatThrownBy(() -> Point.of("2019", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leave the point out");
  }

  @Test
  void an_empty_series_has_no_grain() {
    assertThat(Series.of().grain()).isEmpty();
    assertThat(Series.of().first()).isEmpty();
  }
}
