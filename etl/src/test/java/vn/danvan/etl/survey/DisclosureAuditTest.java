package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Stratum;
import vn.danvan.etl.survey.Suppression.Kind;
import vn.danvan.etl.survey.WaveTable.Cell;

/**
 * Province 01 (2024, old units; 01 stays 01 in 2025) read by district: districts 001 and 002,
 * respondents coded with their district; everyone female, 30-44, weight 1, so that only residence
 * splits the respondents. One yes/no question.
 */
class DisclosureAuditTest {
  private static final Geography GEO = new Geography(Map.of("001", "01", "002", "01"), Map.of(), Map.of("01", "01"));
  private static final Wave W = new Wave("W1", "Đợt 1", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 20), "Q01",
      "yes_no", Wave.YES_NO, false);
  private static final SeriesEstimates ESTIMATES = new SeriesEstimates(GEO, SurveyRules.DEFAULT);

  private static void add(List<Answer> to, String district, String residence, int count, int yes) {
    for (int i = 0; i < count; i++) {
      to.add(new Answer(W, district, "30-44", "female", residence, 1.0, i < yes ? "yes" : "no"));
    }
  }

  private static Cell district(String code, String residence) {
    return new Cell("reported", "district", code, residence == null ? Stratum.TOTAL : Stratum.RESIDENCE, residence);
  }

  private static EstimateRow row(List<EstimateRow> rows, String level, String region, Stratum by, String stratum) {
    return rows.stream().filter(r -> r.boundaries().equals("reported") && r.level().equals(level)
        && r.regionCode().equals(region) && r.by() == by && Objects.equals(r.stratum(), stratum)
        && "yes".equals(r.option())).findFirst().orElseThrow();
  }

  /**
   * 001 has 29 respondents (15 urban, 14 rural, all yes), 002 has 171 (100 urban of whom 50 say
   * yes, 71 rural saying no). 001 is withheld; shown, 002 would give it away (200 − 171), so it is
   * withheld too, with what would narrow the pair: 002's rural cell (its strata), 002's urban cell
   * (the urban column), 002's cells of its only sex and age group (equal to its total). What is left
   * lets 001's 29 respondents be anything from 0 to 200, and its yes answers anything from 0 to 79
   * (the province's 15 + 14 + 50 yes): 001 + 002 = 200 and 79 is all that is known of the pair.
   */
  @Test
  void a_district_of_29_respondents_and_every_figure_that_would_reveal_it_are_withheld() {
    List<Answer> a = new ArrayList<>();
    add(a, "001", "urban", 15, 15);
    add(a, "001", "rural", 14, 14);
    add(a, "002", "urban", 100, 50);
    add(a, "002", "rural", 71, 0);
    List<EstimateRow> rows = ESTIMATES.estimate("attended_meeting", Map.of(W, a));
    assertThat(row(rows, "district", "001", Stratum.TOTAL, null).suppression()).isEqualTo("primary");
    assertThat(row(rows, "district", "002", Stratum.TOTAL, null).suppression()).isEqualTo("secondary");
    assertThat(row(rows, "district", "002", Stratum.RESIDENCE, "rural").suppressed()).isTrue();
    assertThat(row(rows, "district", "002", Stratum.RESIDENCE, "urban").suppressed()).isTrue();
    assertThat(row(rows, "district", "002", Stratum.SEX, "female").suppressed()).isTrue();
    assertThat(row(rows, "province", "01", Stratum.TOTAL, null).n()).isEqualTo(200);
    assertThat(rows).filteredOn(r -> r.level().equals("district")).allSatisfy(r -> assertThat(r.value()).isNull());

    SeriesEstimates.Table table = ESTIMATES.table(W, a);
    TableRanges ranges = ESTIMATES.audit(W, table, withheld(rows));
    assertThat(ranges.range("respondents", district("001", null))).containsExactly(new double[] {0, 200}, within(1e-6));
    assertThat(ranges.range("option:yes", district("001", null))).containsExactly(new double[] {0, 79}, within(1e-6));
    assertThat(ranges.bounds("option:yes", district("001", null))).containsExactly(new double[] {0, 79}, within(1e-6));
    assertThat(ranges.underProtected(SurveyRules.DEFAULT_PROTECTION_LEVEL)).isEmpty();
  }

  /**
   * 001: 29 urban (all yes, withheld: too few) and 40 rural (all no); 002: 50 urban and 60 rural,
   * all no. The single-relation rule withholds 001 rural (001's strata), 002 urban (the urban
   * column) and 002 rural (002's strata): every relation then has 0 or 2 withheld cells. But the
   * margins pin the withheld cells down: 002 shows 0 yes, so 002 urban and rural hold 0 yes; the
   * urban column shows 29 yes, so 001 urban holds 29 − 0 = 29: all 29 said yes, the figure the
   * primary rule withheld. The audit finds the range [29, 29] and withholds 001's total (69
   * respondents, fewer than the urban column's 79), then 002's total and their single sex and age
   * cells (single-relation rule). Worked by hand afterwards: the urban column (29 yes of 79) and
   * the rural column (0 yes of 100) are all that is left, so 001 urban's yes count is anywhere in
   * [0, 29] (2 × the protection level 0.5 × 29 = 14.5) and 002 urban's respondents anywhere in [0,
   * 79] (≥ 0.5 × 50).
   */
  @Test
  void the_audit_finds_cells_that_crossing_margins_pin_down_and_withholds_until_they_keep_their_range() {
    List<Answer> a = crossing();
    SeriesEstimates.Table table = ESTIMATES.table(W, a);
    Map<Cell, Long> respondents = SeriesEstimates.respondents(table.cells());
    Map<Cell, Kind> first = new Suppression<>(30, Cell.ORDER).withheld(respondents, table.cells().relations);
    assertThat(first.keySet()).containsExactlyInAnyOrder(district("001", "urban"), district("001", "rural"),
        district("002", "urban"), district("002", "rural"));
    for (Suppression.Relation<Cell> r : table.cells().relations) {
      long members = r.parts().stream().filter(first::containsKey).count() + (first.containsKey(r.whole()) ? 1 : 0);
      assertThat(members).as("withheld members of %s", r).isNotEqualTo(1);
    }
    TableRanges before = ESTIMATES.audit(W, table, first.keySet());
    assertThat(before.range("option:yes", district("001", "urban"))).containsExactly(new double[] {29, 29}, within(1e-6));
    // bound propagation alone finds it: 002 shows 0 yes, so its urban cell holds 0, and the urban column 29
    assertThat(before.bounds("option:yes", district("001", "urban"))).containsExactly(new double[] {29, 29}, within(1e-6));
    assertThat(before.underProtected(0.5)).extracting(before::cell).containsExactly(district("001", "urban"));

    List<EstimateRow> rows = ESTIMATES.estimate("attended_meeting", Map.of(W, a));
    assertThat(row(rows, "district", "001", Stratum.TOTAL, null).suppression()).isEqualTo("audit");
    assertThat(row(rows, "district", "002", Stratum.TOTAL, null).suppression()).isEqualTo("secondary");
    assertThat(row(rows, "province", "01", Stratum.RESIDENCE, "urban").value()).isCloseTo(29.0 / 79, within(1e-12));
    TableRanges after = ESTIMATES.audit(W, table, withheld(rows));
    assertThat(after.range("option:yes", district("001", "urban"))).containsExactly(new double[] {0, 29}, within(1e-6));
    assertThat(after.range("respondents", district("002", "urban"))).containsExactly(new double[] {0, 79}, within(1e-6));
    assertThat(after.bounds("option:yes", district("001", "urban"))).containsExactly(new double[] {0, 29}, within(1e-6));
    assertThat(after.underProtected(0.5)).isEmpty();
    assertThat(after.narrowest()).isGreaterThanOrEqualTo(0.5);
  }

  /**
   * A program's solution less the true values is a direction only when it sums to zero in every
   * relation: one made of rounding (a solver that did not move, 1e-15 off) would be scaled up to
   * wherever a cell reaches 0 and claim a range no solution has. Found on the scale-1 demo lake,
   * where such a direction proved a province's cell of [2.89, 4.31] a range of 3.6.
   */
  @Test
  void a_direction_made_of_rounding_is_not_kept() {
    SeriesEstimates.Table table = ESTIMATES.table(W, crossing());
    Map<Cell, Kind> first = new Suppression<>(30, Cell.ORDER).withheld(SeriesEstimates.respondents(table.cells()),
        table.cells().relations);
    TableRanges ranges = ESTIMATES.audit(W, table, first.keySet());
    Cell urban1 = district("001", "urban");
    int[] cycle = {ranges.index(urban1), ranges.index(district("001", "rural")),
        ranges.index(district("002", "urban")), ranges.index(district("002", "rural"))};
    ranges.keepDirection(cycle, new double[] {1e-15, 0, 0, 0});
    assertThat(ranges.directions(urban1)).isZero();
    // the 2 × 2 cycle keeps every total, column and stratum sum: a direction
    ranges.keepDirection(cycle, new double[] {1, -1, -1, 1});
    assertThat(ranges.directions(urban1)).isEqualTo(1);
  }

  /** The answers of the crossing-margins case (001: 29 urban all yes, 40 rural; 002: 50 urban, 60 rural, all no). */
  private static List<Answer> crossing() {
    List<Answer> a = new ArrayList<>();
    add(a, "001", "urban", 29, 29);
    add(a, "001", "rural", 40, 0);
    add(a, "002", "urban", 50, 0);
    add(a, "002", "rural", 60, 0);
    return a;
  }

  /** The published rows' withheld cells, as the audit keys them (the nation is one cell in both modes). */
  static Set<Cell> withheld(List<EstimateRow> rows) {
    return rows.stream().filter(EstimateRow::suppressed).map(r -> new Cell(r.level().equals("nation")
        ? WaveTable.BOTH : r.boundaries(), r.level(), r.regionCode(), r.by(), r.stratum())).collect(Collectors.toSet());
  }
  @Test
  void option_measures_read_each_cells_options_in_the_list_asked_even_one_listed_twice() {
    WaveTable.Sums sums = new WaveTable.Sums();
    sums.add(1.5, "a", null);
    sums.add(2.0, "b", null);
    sums.add(0.25, "b", null);
    sums.add(0.5, "other", null); // an answer outside the options counts in no option
    var likert = DisclosureAudit.measures(null, List.of("a", "b", "d"), true, false);
    assertThat(likert.keySet()).containsExactly("respondents", "weighted", "option:a", "option:b", "option:d",
        SeriesEstimates.TOP2);
    assertThat(likert.get("option:a").applyAsDouble(sums)).isEqualTo(1.5);
    assertThat(likert.get("option:b").applyAsDouble(sums)).isEqualTo(2.25);
    assertThat(likert.get("option:d").applyAsDouble(sums)).isEqualTo(0.0);
    assertThat(likert.get(SeriesEstimates.TOP2).applyAsDouble(sums)).isEqualTo(2.25); // b + d
    assertThat(likert.get("weighted").applyAsDouble(sums)).isEqualTo(4.25);
    // another table's list, with an option twice: the same sums read again in its order
    var twice = DisclosureAudit.measures(null, List.of("b", "a", "a"), true, false);
    assertThat(twice.keySet()).containsExactly("respondents", "weighted", "option:b", "option:a",
        SeriesEstimates.TOP2);
    assertThat(twice.get("option:b").applyAsDouble(sums)).isEqualTo(2.25);
    assertThat(twice.get("option:a").applyAsDouble(sums)).isEqualTo(1.5);
    assertThat(twice.get(SeriesEstimates.TOP2).applyAsDouble(sums)).isEqualTo(3.0); // a + a
    assertThat(likert.get("option:a").applyAsDouble(sums)).isEqualTo(1.5);
    sums.add(1.0, "a", null); // read again after an answer more
    assertThat(likert.get("option:a").applyAsDouble(sums)).isEqualTo(2.5);
  }
}
