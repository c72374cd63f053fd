package vn.danvan.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionScopeTest {
  @Test
  void country_is_the_whole_tree() {
    assertThat(RegionScope.country().isCountry()).isTrue();
    assertThat(new RegionScope("00004").isCountry()).isFalse();
  }

  @Test
  void rejects_codes_that_are_not_gso_codes() {
    assertThatThrownBy(() -> new RegionScope("1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'1'");
    assertThatThrownBy(() -> new RegionScope("01' OR 1=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
