package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import vn.danvan.contract.checks.RegionValidity.Span;
import org.junit.jupiter.api.Test;

class RegionValidityTest {
  static final LocalDate CHANGE = LocalDate.of(2025, 7, 1);

  /** Commune 00004 before the change, and a new commune 00004 after it; province 01 throughout. */
  static final RegionValidity UNITS = RegionValidity.of(List.of(
      new Span("00004", LocalDate.parse("2008-08-01"), LocalDate.parse("2025-06-30")),
      new Span("00004", CHANGE, null),
      new Span("00007", LocalDate.parse("2008-08-01"), LocalDate.parse("2025-06-30")),
      new Span("01", LocalDate.parse("2008-08-01"), null)));

  static Integer day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  static Integer status(String code, String from, String to) {
    return UNITS.status(code, from == null ? null : day(from), to == null ? null : day(to));
  }

  @Test
  void a_code_reused_across_the_change_is_valid_on_both_sides() {
    assertThat(UNITS.codes()).isEqualTo(3);
    assertThat(status("00004", "2024-03-01", "2024-03-01")).isEqualTo(RegionValidity.VALID);
    assertThat(status("00004", "2025-09-01", "2025-09-01")).isEqualTo(RegionValidity.VALID);
  }

  @Test
  void a_retired_unit_is_not_valid_after_the_change_but_a_period_overlapping_it_is() {
    assertThat(status("00007", "2025-07-01", "2025-07-01")).isEqualTo(RegionValidity.NOT_VALID_ON_DATE);
    assertThat(status("00007", "2025-01-01", "2025-12-31")).isEqualTo(RegionValidity.VALID);
    assertThat(status("00007", "2007-01-01", "2007-12-31")).isEqualTo(RegionValidity.NOT_VALID_ON_DATE);
  }

  @Test
  void unknown_codes_null_codes_and_missing_dates() {
    assertThat(status("99999", "2024-01-01", "2024-01-01")).isEqualTo(RegionValidity.UNKNOWN);
    assertThat(status(null, "2024-01-01", "2024-01-01")).isNull();
    // without dates only "known" can be said (a missing date is its own check)
    assertThat(status("00007", null, null)).isEqualTo(RegionValidity.VALID);
    assertThat(status("01", "2030-01-01", null)).isEqualTo(RegionValidity.VALID);
  }
}
