package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PerCapitaTest {
  @Test
  void divides_by_the_population_of_the_periods_year_per_ten_thousand() {
    // 2019: 250 / 50,000 × 10,000 = 50; 2020: 300 / 60,000 × 10,000 = 50
    Series s = Series.of(Point.of("2019", 250), Point.of("2020", 300));

    List<PerCapita> pc = PerCapita.of(s, Map.of(2019, 50_000L, 2020, 60_000L));

    assertThat(pc.get(0).per10k().getAsDouble()).isCloseTo(50, within(1e-9));
    assertThat(pc.get(1).per10k().getAsDouble()).isCloseTo(50, within(1e-9));
  }

  @Test
  void a_quarter_uses_the_population_of_its_calendar_year() {
    // 2019-Q3: 12 / 8,000 × 10,000 = 15
    List<PerCapita> pc = PerCapita.of(Series.of(Point.of("2019-Q3", 12)), Map.of(2019, 8_000L));

    assertThat(pc.get(0).population()).isEqualTo(OptionalLong.of(8_000));
    assertThat(pc.get(0).per10k().getAsDouble()).isCloseTo(15, within(1e-9));
  }

  @Test
  void per_capita_is_absent_when_the_population_is_missing_or_zero() {
    Series s = Series.of(Point.of("2019", 250), Point.of("2020", 300));

    List<PerCapita> pc = PerCapita.of(s, Map.of(2020, 0L));

    assertThat(pc.get(0).population()).isEmpty();
    assertThat(pc.get(0).per10k()).isEmpty();
    assertThat(pc.get(1).per10k()).isEmpty();
  }

  @Test
  void rejects_a_negative_population() {
    assertThatThrownBy(() -> PerCapita.of(Series.of(Point.of("2019", 1)), Map.of(2019, -5L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("population for 2019 must be ≥ 0, got -5");
  }
}
