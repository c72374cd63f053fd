package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void dates_are_iso_calendar_days_only() {
    assertThat(Parsers.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Parsers.date("2023-02-29")).isNull();
    assertThat(Parsers.date("2024-13-45")).isNull();
    assertThat(Parsers.date("31/12/2024")).isNull();
    assertThat(Parsers.date("2024-1-5")).isNull();
    assertThat(Parsers.date(null)).isNull();
  }

  @Test
  void timestamps_need_seconds_and_an_offset() {
    assertThat(Parsers.timestamp("2023-05-04T09:30:00+07:00"))
        .isEqualTo(Instant.parse("2023-05-04T02:30:00Z"));
    assertThat(Parsers.timestamp("2024-12-31T17:30:00.250Z"))
        .isEqualTo(Instant.parse("2024-12-31T17:30:00.250Z"));
    assertThat(Parsers.timestamp("2023-05-04T09:30:00")).as("no offset").isNull();
    assertThat(Parsers.timestamp("2023-05-04 09:30:00+07:00")).isNull();
    assertThat(Parsers.timestamp("04/05/2023 09:30")).isNull();
    assertThat(Parsers.timestamp("2023-13-45T09:30:00+07:00")).isNull();
  }

  @Test
  void whole_numbers_accept_a_float_zero_but_not_vietnamese_thousands() {
    assertThat(Parsers.whole("150000000")).isEqualTo(150_000_000L);
    assertThat(Parsers.whole("-5")).isEqualTo(-5L);
    assertThat(Parsers.whole("+7")).isEqualTo(7L);
    assertThat(Parsers.whole("12.0")).isEqualTo(12L);
    assertThat(Parsers.whole("7.000")).as("7,000 as written in Vietnam").isNull();
    assertThat(Parsers.whole("7.000.000")).isNull();
    assertThat(Parsers.whole("12a")).isNull();
    assertThat(Parsers.whole("99999999999999999999")).isNull();
  }

  @Test
  void numbers_are_finite_decimals() {
    assertThat(Parsers.number("163")).isEqualTo(163.0);
    assertThat(Parsers.number("0.25")).isEqualTo(0.25);
    assertThat(Parsers.number("1e3")).isEqualTo(1000.0);
    assertThat(Parsers.number("1,5")).isNull();
    assertThat(Parsers.number("NaN")).isNull();
    assertThat(Parsers.number("Infinity")).isNull();
    assertThat(Parsers.number("1e999")).isNull();
  }

  @Test
  void years_are_four_digits() {
    assertThat(Parsers.year("2024")).isEqualTo(2024);
    assertThat(Parsers.year("20l4")).isNull();
    assertThat(Parsers.year("24")).isNull();
  }
}
