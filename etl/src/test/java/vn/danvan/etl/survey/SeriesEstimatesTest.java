package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Stratum;

/**
 * One yes/no question in two waves of 2024 (old units). Provinces 01 (→ 2025 province 01), 02
 * (merged into 08) and 04 (→ 04); weights 1 unless said.
 */
class SeriesEstimatesTest {
  private static final Geography GEO = new Geography(Map.of(), Map.of(), Map.of("01", "01", "02", "08", "04", "04"));
  private static final SeriesEstimates ESTIMATES = new SeriesEstimates(GEO, SurveyRules.DEFAULT);
  private static final Wave W1 = wave("W1", LocalDate.of(2024, 4, 1));
  private static final Wave W2 = wave("W2", LocalDate.of(2024, 9, 1));

  private static Wave wave(String id, LocalDate start) {
    return new Wave(id, "Đợt " + id, start, start.plusDays(20), "Q01", "yes_no", Wave.YES_NO, false);
  }

  /** {@code count} respondents of a province and residence, the first {@code yes} answering yes. */
  private static void add(List<Answer> to, Wave w, String province, String residence, int count, int yes) {
    for (int i = 0; i < count; i++) {
      to.add(new Answer(w, province, "30-44", "female", residence, 1.0, i < yes ? "yes" : "no"));
    }
  }

  /**
   * W1: province 04 has 29 urban respondents (all yes) and 40 rural (10 yes); 01 has 60 + 60
   * (30 + 30 yes); 02 has 50 + 50 (25 + 25 yes).
   */
  private static List<Answer> firstWave() {
    List<Answer> a = new ArrayList<>();
    add(a, W1, "04", "urban", 29, 29);
    add(a, W1, "04", "rural", 40, 10);
    add(a, W1, "01", "urban", 60, 30);
    add(a, W1, "01", "rural", 60, 30);
    add(a, W1, "02", "urban", 50, 25);
    add(a, W1, "02", "rural", 50, 25);
    return a;
  }

  private static List<EstimateRow> rows(Map<Wave, List<Answer>> byWave) {
    return ESTIMATES.estimate("attended_meeting", byWave);
  }

  private static EstimateRow find(List<EstimateRow> rows, String wave, String boundaries, String region,
      Stratum by, String stratum, String option) {
    return rows.stream().filter(r -> r.wave().waveId().equals(wave) && r.boundaries().equals(boundaries)
        && r.regionCode().equals(region) && r.by() == by && java.util.Objects.equals(r.stratum(), stratum)
        && java.util.Objects.equals(r.option(), option)).findFirst().orElseThrow(() ->
        new AssertionError("no row " + wave + " " + boundaries + " " + region + " " + by + "=" + stratum + " " + option));
  }

  /**
   * 04 urban (29) is withheld; shown, 04 rural would give it away through 04's total (69 − 40), so
   * it is withheld too. The urban column of the nation then has one withheld cell: the smallest
   * other urban cell (02: 50 < 60) is withheld, and with it 02 rural (02's strata).
   */
  @Test
  void suppresses_cell_of_29_respondents_and_the_complementary_cells_that_would_reveal_it() {
    List<EstimateRow> rows = rows(Map.of(W1, firstWave()));
    EstimateRow small = find(rows, "W1", "reported", "04", Stratum.RESIDENCE, "urban", "yes");
    assertThat(small.suppressed()).isTrue();
    assertThat(small.suppression()).isEqualTo("primary");
    assertThat(small.value()).isNull();
    assertThat(small.n()).isNull();
    assertThat(small.ciLow()).isNull();
    EstimateRow complement = find(rows, "W1", "reported", "04", Stratum.RESIDENCE, "rural", "yes");
    assertThat(complement.suppressed()).isTrue();
    assertThat(complement.suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "reported", "02", Stratum.RESIDENCE, "urban", "no").suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "reported", "02", Stratum.RESIDENCE, "rural", "no").suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "reported", "01", Stratum.RESIDENCE, "urban", "yes").suppressed()).isFalse();
    // 02 merged whole into 08: the restated 08 cell is the same respondents, withheld alike
    assertThat(find(rows, "W1", "2025", "08", Stratum.RESIDENCE, "urban", "yes").suppressed()).isTrue();
    // 04's total: 69 respondents, 29 + 10 = 39 yes: p = 39/69 = 0.565217
    EstimateRow total = find(rows, "W1", "reported", "04", Stratum.TOTAL, null, "yes");
    assertThat(total.suppressed()).isFalse();
    assertThat(total.n()).isEqualTo(69);
    assertThat(total.value()).isCloseTo(39.0 / 69, within(1e-12));
    assertThat(rows).filteredOn(EstimateRow::suppressed).allSatisfy(r -> {
      assertThat(r.value()).isNull();
      assertThat(r.ciHigh()).isNull();
      assertThat(r.nEff()).isNull();
    });
  }

  /**
   * Old province 03 (40 respondents) has no 2025 province in this geography: restated, its
   * respondents are in the nation but in no province, so the nation minus the shown 2025 provinces
   * would reveal them. They count as a withheld cell: the smallest 2025 province total (04: 69) is
   * withheld; as reported 04 is the same respondents, so it is withheld too; that leaves one
   * withheld province under the reported nation, so the smallest other, 03 (40), follows.
   */
  @Test
  void respondents_in_no_province_of_a_mode_are_protected_like_a_withheld_cell() {
    SeriesEstimates estimates = new SeriesEstimates(new Geography(Map.of(), Map.of(),
        Map.of("01", "01", "02", "08", "04", "04")), SurveyRules.DEFAULT);
    List<Answer> a = firstWave();
    add(a, W1, "03", "urban", 20, 10);
    add(a, W1, "03", "rural", 20, 10);
    List<EstimateRow> rows = estimates.estimate("attended_meeting", Map.of(W1, a));
    assertThat(find(rows, "W1", "2025", "04", Stratum.TOTAL, null, "yes").suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "reported", "04", Stratum.TOTAL, null, "yes").suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "reported", "03", Stratum.TOTAL, null, "yes").suppression()).isEqualTo("secondary");
    assertThat(find(rows, "W1", "2025", "01", Stratum.TOTAL, null, "yes").suppressed()).isFalse();
    assertThat(find(rows, "W1", "2025", "VN", Stratum.TOTAL, null, "yes").n()).isEqualTo(329);
    assertThat(rows).noneMatch(r -> r.regionCode().equals(SeriesEstimates.UNPLACED));
  }

  /** Spark gives a group's rows in any order: the rows (to the last bit) and the withheld cells do not depend on it. */
  @Test
  void the_result_does_not_depend_on_the_order_of_the_answers() {
    List<Answer> a = firstWave();
    double[] weights = {0.1, 0.7, 1.3, 2.9, 0.37};
    List<Answer> weighted = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Answer x = a.get(i);
      weighted.add(new Answer(W1, x.regionCode(), x.ageGroup(), i % 3 == 0 ? "male" : "female", x.residence(),
          weights[i % weights.length], x.answer()));
    }
    List<Answer> reversed = new ArrayList<>(weighted);
    java.util.Collections.reverse(reversed);
    java.util.Collections.shuffle(weighted, new java.util.Random(7));
    assertThat(rows(Map.of(W1, weighted))).isEqualTo(rows(Map.of(W1, reversed)));
  }

  /** The threshold is the load's: at 20, the 29 urban respondents of 04 are shown, and nothing is withheld. */
  @Test
  void the_minimum_number_of_respondents_is_configurable() {
    List<EstimateRow> rows = new SeriesEstimates(GEO, new SurveyRules(20, 0.3, 0.95))
        .estimate("attended_meeting", Map.of(W1, firstWave()));
    EstimateRow small = find(rows, "W1", "reported", "04", Stratum.RESIDENCE, "urban", "yes");
    assertThat(small.suppressed()).isFalse();
    assertThat(small.n()).isEqualTo(29);
    assertThat(small.value()).isEqualTo(1.0);
    assertThat(rows).noneMatch(EstimateRow::suppressed);
  }

  /**
   * The nation in W1: 289 respondents, 29 + 10 + 30 + 30 + 25 + 25 = 149 yes, p = 0.515571, SE =
   * √(0.515571 · 0.484429 / 289) = 0.029397 (equal weights: n_eff = n). W2 asks 289 again, now
   * with province 01's 120 all answering yes: 29 + 10 + 60 + 60 + 25 + 25 = 209 yes, p = 0.723183,
   * SE = √(0.723183 · 0.276817 / 289) = 0.026318; change 0.207612 with SE √(0.029397² + 0.026318²)
   * = 0.039457, z = 5.2617.
   */
  @Test
  void change_from_the_previous_wave_of_the_series() {
    List<Answer> second = new ArrayList<>();
    add(second, W2, "04", "urban", 29, 29);
    add(second, W2, "04", "rural", 40, 10);
    add(second, W2, "01", "urban", 60, 60);
    add(second, W2, "01", "rural", 60, 60);
    add(second, W2, "02", "urban", 50, 25);
    add(second, W2, "02", "rural", 50, 25);
    Map<Wave, List<Answer>> byWave = new LinkedHashMap<>();
    byWave.put(W2, second);
    byWave.put(W1, firstWave());
    List<EstimateRow> rows = rows(byWave);
    EstimateRow first = find(rows, "W1", "reported", "VN", Stratum.TOTAL, null, "yes");
    assertThat(first.value()).isCloseTo(149.0 / 289, within(1e-12));
    assertThat(first.se()).isCloseTo(0.029397, within(1e-6));
    assertThat(first.previousWaveId()).isNull();
    EstimateRow later = find(rows, "W2", "reported", "VN", Stratum.TOTAL, null, "yes");
    assertThat(later.previousWaveId()).isEqualTo("W1");
    assertThat(later.value()).isCloseTo(209.0 / 289, within(1e-12));
    assertThat(later.change()).isCloseTo(60.0 / 289, within(1e-12));
    assertThat(later.changeSe()).isCloseTo(0.039457, within(1e-6));
    assertThat(later.changeZ()).isCloseTo(5.2617, within(1e-3));
    assertThat(later.changeP()).isLessThan(1e-6);
    // a withheld cell has no change either
    assertThat(find(rows, "W2", "reported", "04", Stratum.RESIDENCE, "rural", "yes").change()).isNull();
  }

  /**
   * Likert answers 5, 4, 4, 2, 1 with weights 3, 1, 1, 1, 2 (Σw = 8) repeated 10 times: top-2-box
   * = (3 + 1 + 1) / 8 = 0.625, "5" alone 3/8; n = 50, Σw² = 10 · (9 + 1 + 1 + 1 + 4) = 160,
   * n_eff = 80² / 160 = 40.
   */
  @Test
  void likert_top_2_box_and_effective_n() {
    Wave w = new Wave("W1", "t", LocalDate.of(2024, 4, 1), null, "Q02", "likert5", Wave.LIKERT5, false);
    String[] answers = {"5", "4", "4", "2", "1"};
    double[] weights = {3, 1, 1, 1, 2};
    List<Answer> a = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      for (int i = 0; i < 5; i++) {
        a.add(new Answer(w, "01", null, null, null, weights[i], answers[i]));
      }
    }
    List<EstimateRow> rows = ESTIMATES.estimate("trust_local_government", Map.of(w, a));
    EstimateRow top2 = find(rows, "W1", "reported", "01", Stratum.TOTAL, null, SeriesEstimates.TOP2);
    assertThat(top2.value()).isCloseTo(0.625, within(1e-12));
    assertThat(top2.n()).isEqualTo(50);
    assertThat(top2.nEff()).isCloseTo(40, within(1e-9));
    assertThat(find(rows, "W1", "reported", "01", Stratum.TOTAL, null, "5").value()).isCloseTo(0.375, within(1e-12));
    assertThat(find(rows, "W1", "reported", "01", Stratum.TOTAL, null, "3").value()).isZero();
    // no strata given: the respondents are the "unknown" stratum, as large as the total
    assertThat(find(rows, "W1", "reported", "01", Stratum.SEX, Stratum.UNKNOWN, "5").n()).isEqualTo(50);
  }
}
