package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AttainmentTest {
  @Test
  void below_target_is_not_met() {
    // 45 / 60 × 100 = 75 %
    Attainment a = Attainment.of(45, OptionalDouble.of(60)).orElseThrow();

    assertThat(a.percent()).isCloseTo(75, within(1e-12));
    assertThat(a.status()).isEqualTo(Attainment.Status.NOT_MET);
  }

  @Test
  void reaching_or_passing_the_target_is_met() {
    // 60 / 60 = 100 %; 66 / 60 × 100 = 110 %
    assertThat(new Attainment(60, 60).status()).isEqualTo(Attainment.Status.MET);
    Attainment over = new Attainment(66, 60);
    assertThat(over.percent()).isCloseTo(110, within(1e-12));
    assertThat(over.status()).isEqualTo(Attainment.Status.MET);
  }

  @Test
  void just_below_the_target_is_not_met() {
    // 59.99 / 60 × 100 = 99.983 % → NOT_MET
    Attainment a = new Attainment(59.99, 60);

    assertThat(a.percent()).isCloseTo(99.98333333, within(1e-6));
    assertThat(a.status()).isEqualTo(Attainment.Status.NOT_MET);
  }

  @Test
  void attainment_is_absent_without_a_target() {
    assertThat(Attainment.of(45, OptionalDouble.empty())).isEmpty();
    assertThat(Attainment.of(45, OptionalDouble.of(0))).isEmpty();
  }

  @Test
  void rejects_a_negative_target() {
    assertThatThrownBy(() -> Attainment.of(45, OptionalDouble.of(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be finite and > 0, got -1.0");
  }
}
