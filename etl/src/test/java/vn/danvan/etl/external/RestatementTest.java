package vn.danvan.etl.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule of docs/marts.md, "External indicators", on values small enough to work by hand. */
class RestatementTest {
  private static ExternalValue v(String region, int year, Double value) {
    return new ExternalValue("papi_x", "papi", region, year, value, "t.csv", region);
  }

  @Test
  void weighs_by_the_nearest_year_with_every_population_and_the_later_one_on_a_tie() {
    Map<String, Map<Integer, Double>> pop = Map.of("02", Map.of(2016, 100.0, 2020, 300.0, 2019, 50.0),
        "08", Map.of(2016, 100.0, 2020, 100.0));
    // 2019 itself lacks 08's figure; 2016 and 2020 are 3 and 1 years away -> 2020
    assertThat(Restatement.weightYear(List.of("02", "08"), 2019, pop)).isEqualTo(2020);
    // 2018: 2016 and 2020 both 2 years away -> the later, 2020
    assertThat(Restatement.weightYear(List.of("02", "08"), 2018, pop)).isEqualTo(2020);
    assertThat(Restatement.weightYear(List.of("02", "08"), 2011, pop)).isEqualTo(2016);
    assertThat(Restatement.weightYear(List.of("02", "99"), 2019, pop)).isNull();
  }

  @Test
  void a_merged_province_gets_the_weighted_mean_and_a_blank_part_leaves_it_missing() {
    Map<String, String> links = Map.of("02", "08", "08", "08", "01", "01");
    Map<String, Map<Integer, Double>> pop = Map.of("02", Map.of(2019, 300.0), "08", Map.of(2019, 100.0));
    List<MartRow> rows = Restatement.rows(List.of(v("02", 2019, 4.0), v("08", 2019, 8.0), v("01", 2019, 5.0),
        v("02", 2020, 1.0), v("08", 2020, null)), links, pop);
    // reported: the four published values; the blank none
    assertThat(rows.stream().filter(r -> r.boundaries().equals("reported")))
        .extracting(MartRow::regionCode, MartRow::year, MartRow::value)
        .containsExactlyInAnyOrder(tuple("02", 2019, 4.0), tuple("08", 2019, 8.0), tuple("01", 2019, 5.0),
            tuple("02", 2020, 1.0));
    // 2025: 08 in 2019 = (4 x 300 + 8 x 100) / 400 = 5.0, by population; 01 whole; 2020 none (08 blank)
    assertThat(rows.stream().filter(r -> r.boundaries().equals("2025")))
        .extracting(MartRow::regionCode, MartRow::year, MartRow::value, MartRow::exact, MartRow::method)
        .containsExactlyInAnyOrder(tuple("08", 2019, 5.0, false, "population"), tuple("01", 2019, 5.0, true, null));
  }
}
