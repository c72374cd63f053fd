package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.regex.Pattern;
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

  /**
   * The parsers' shapes as regular expressions with {@code java.time}'s own parsers (how they were
   * written before they read text by hand), applied to generated text close to each shape: every
   * value must parse the same in both, or be refused by both.
   */
  @Test
  void each_parser_agrees_with_its_regular_expression_on_generated_text() {
    Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern timestamp = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    Pattern whole = Pattern.compile("[+-]?\\d{1,18}(\\.0)?");
    Pattern number = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    Pattern year = Pattern.compile("\\d{4}");
    Random random = new Random(20261206);
    String[] shapes = {"dddd-dd-dd", "dddd-dd-ddTdd:dd:ddZ", "dddd-dd-ddTdd:dd:dd.ddd+dd:dd",
        "dddd-dd-ddTdd:dd:dd-dd:dd", "dddd-dd-ddTdd:dd:dd.dddddddddZ", "sddddd.d", "dddd", "d.dddesdd",
        ".dd", "dd.", "sdddddddddddddddddd", "ddddddddddddddddddd.d"};
    String noise = "0123456789+-.eEZT:/ a٣";
    int agreed = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      for (char c : shapes[random.nextInt(shapes.length)].toCharArray()) {
        // mostly the shape's own character, sometimes another, dropped or doubled
        int roll = random.nextInt(40);
        char x = c == 'd' ? (char) ('0' + (random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(3)))
            : c == 's' ? "+-".charAt(random.nextInt(2)) : c;
        if (roll == 0) {
          x = noise.charAt(random.nextInt(noise.length()));
        }
        if (roll != 1) {
          s.append(x);
        }
        if (roll == 2) {
          s.append(x);
        }
      }
      String t = s.toString();
      assertThat(Parsers.date(t)).as(t).isEqualTo(date.matcher(t).matches() ? orNull(() -> LocalDate.parse(t)) : null);
      assertThat(Parsers.timestamp(t)).as(t).isEqualTo(timestamp.matcher(t).matches()
          ? orNull(() -> OffsetDateTime.parse(t).toInstant()) : null);
      assertThat(Parsers.whole(t)).as(t).isEqualTo(whole.matcher(t).matches()
          ? Long.valueOf(t.replaceAll("\\.0$", "").replaceFirst("^\\+", "")) : null);
      Double d = number.matcher(t).matches() ? Double.parseDouble(t) : null;
      assertThat(Parsers.number(t)).as(t).isEqualTo(d == null || d.isInfinite() ? null : d);
      assertThat(Parsers.year(t)).as(t).isEqualTo(year.matcher(t).matches() ? Integer.valueOf(t) : null);
      agreed += Parsers.date(t) != null || Parsers.timestamp(t) != null || Parsers.whole(t) != null
          || Parsers.number(t) != null ? 1 : 0;
    }
    // the generated text must reach both sides of every parser, not only its refusals
    assertThat(agreed).isGreaterThan(50_000);
  }

  private static <T> T orNull(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
