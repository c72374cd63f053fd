package vn.danvan.warehouse.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static Map<String, OptionalDouble> values(Object... codeValue) {
    Map<String, OptionalDouble> m = new LinkedHashMap<>();
    for (int i = 0; i < codeValue.length; i += 2) {
      Double v = (Double) codeValue[i + 1];
      m.put((String) codeValue[i], v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
    }
    return m;
  }

  @Test
  void ranks_highest_first() {
    Ranking r = Ranking.descending(values("01", 3.0, "02", 9.0, "04", 5.0));

    assertThat(r.regions()).extracting(RankedRegion::region, RankedRegion::rank)
        .containsExactly(tuple("02", OptionalInt.of(1)), tuple("04", OptionalInt.of(2)),
            tuple("01", OptionalInt.of(3)));
  }

  @Test
  void ties_share_the_better_rank_and_skip_the_next_1224() {
    // 10, 8, 8, 5 → ranks 1, 2, 2, 4; tied regions in code order
    Ranking r = Ranking.descending(values("10", 5.0, "08", 8.0, "02", 8.0, "01", 10.0));

    assertThat(r.regions()).extracting(RankedRegion::region, rr -> rr.rank().getAsInt())
        .containsExactly(tuple("01", 1), tuple("02", 2), tuple("08", 2), tuple("10", 4));
  }

  @Test
  void regions_without_data_come_last_unranked_and_do_not_count_in_n() {
    // 3 regions ranked out of 5 inputs
    Ranking r = Ranking.descending(values("06", null, "01", 3.0, "04", null, "02", 7.0,
        "03", 0.0));

    assertThat(r.regions()).extracting(RankedRegion::region)
        .containsExactly("02", "01", "03", "04", "06");
    assertThat(r.rankedCount()).isEqualTo(3);
    RankedRegion zero = r.find("03").orElseThrow();
    assertThat(zero.rank()).isEqualTo(OptionalInt.of(3));
    assertThat(zero.outOf()).isEqualTo(3);
    RankedRegion missing = r.find("04").orElseThrow();
    assertThat(missing.rank()).isEmpty();
    assertThat(missing.value()).isEmpty();
    assertThat(missing.percentile()).isEmpty();
  }

  @Test
  void percentile_is_the_share_of_others_not_ranked_above() {
    // N = 4, ranks 1, 2, 2, 4: (4 − 1) / 3 = 100 %, (4 − 2) / 3 = 66.67 %, 66.67 %, (4 − 4) / 3 = 0
    Ranking r = Ranking.descending(values("a", 10.0, "b", 8.0, "c", 8.0, "d", 5.0));

    assertThat(r.regions()).extracting(rr -> rr.percentile().getAsDouble())
        .satisfiesExactly(
            p -> assertThat(p).isEqualTo(100.0),
            p -> assertThat(p).isCloseTo(66.666667, within(1e-6)),
            p -> assertThat(p).isCloseTo(66.666667, within(1e-6)),
            p -> assertThat(p).isEqualTo(0.0));
  }

  @Test
  void a_region_ranked_alone_is_first_of_one_at_percentile_100() {
    RankedRegion only = Ranking.descending(values("01", 4.0, "02", null)).regions().get(0);

    assertThat(only.rank()).isEqualTo(OptionalInt.of(1));
    assertThat(only.outOf()).isEqualTo(1);
    assertThat(only.percentile()).isEqualTo(OptionalDouble.of(100));
  }

  @Test
  void an_empty_input_gives_an_empty_ranking() {
    assertThat(Ranking.descending(Map.of()).regions()).isEmpty();
  }

  @Test
  void rejects_nan_values() {
    assertThatThrownBy(() -> Ranking.descending(values("01", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of region 01 must be finite, got NaN");
  }
}
