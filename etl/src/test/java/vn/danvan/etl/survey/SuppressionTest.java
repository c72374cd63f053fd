package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.etl.survey.Suppression.Kind;
import vn.danvan.etl.survey.Suppression.Relation;

class SuppressionTest {
  private static final Suppression<String> AT_30 = new Suppression<>(30, Comparator.<String>naturalOrder());

  /**
   * A province's 200 respondents by residence: urban 29, rural 171. Urban is withheld (29 < 30);
   * shown, rural would give it away (200 − 171 = 29), so rural is withheld too; the total stays.
   */
  @Test
  void suppresses_cell_of_29_respondents_and_its_complement() {
    Map<String, Kind> out = AT_30.withheld(Map.of("total", 200L, "urban", 29L, "rural", 171L),
        List.of(new Relation<>("total", List.of("urban", "rural"))));
    assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of("urban", Kind.PRIMARY, "rural", Kind.SECONDARY));
  }

  @Test
  void a_cell_of_30_respondents_is_shown() {
    assertThat(AT_30.withheld(Map.of("total", 200L, "urban", 30L, "rural", 170L),
        List.of(new Relation<>("total", List.of("urban", "rural"))))).isEmpty();
  }

  /** The complementary cell is the shown part with the fewest respondents: 45 of (45, 60, 70). */
  @Test
  void the_complement_is_the_smallest_shown_part() {
    Map<String, Kind> out = AT_30.withheld(Map.of("all", 200L, "a", 25L, "b", 45L, "c", 60L, "d", 70L),
        List.of(new Relation<>("all", List.of("a", "b", "c", "d"))));
    assertThat(out).containsOnlyKeys("a", "b").containsEntry("b", Kind.SECONDARY);
  }

  /** Two withheld parts already hide each other: nothing more is withheld. */
  @Test
  void two_small_parts_need_no_complement() {
    assertThat(AT_30.withheld(Map.of("all", 200L, "a", 10L, "b", 20L, "c", 170L),
        List.of(new Relation<>("all", List.of("a", "b", "c"))))).containsOnlyKeys("a", "b");
  }

  /**
   * Provinces by residence, with the columns adding up to the nation's cells. P1 urban (29) is
   * withheld; P1 rural follows (P1's strata); the urban column then holds one withheld cell, so the
   * smallest shown urban cell of another province follows (P2 urban: 40 < 70); likewise in the
   * rural column (P2 rural: 90 < 120). Then every relation has 0 or at least 2 withheld members.
   */
  @Test
  void secondary_suppression_follows_every_relation_until_none_reveals_a_cell() {
    Map<String, Long> n = Map.of("VN", 420L, "P1", 100L, "P1u", 29L, "P1r", 71L, "P2", 130L, "P2u", 40L,
        "P2r", 90L, "P3", 190L, "P3u", 70L, "P3r", 120L);
    Map<String, Long> urban = Map.of("VNu", 139L);
    Map<String, Long> rural = Map.of("VNr", 281L);
    java.util.HashMap<String, Long> all = new java.util.HashMap<>(n);
    all.putAll(urban);
    all.putAll(rural);
    List<Relation<String>> relations = List.of(
        new Relation<>("P1", List.of("P1u", "P1r")), new Relation<>("P2", List.of("P2u", "P2r")),
        new Relation<>("P3", List.of("P3u", "P3r")), new Relation<>("VN", List.of("P1", "P2", "P3")),
        new Relation<>("VNu", List.of("P1u", "P2u", "P3u")), new Relation<>("VNr", List.of("P1r", "P2r", "P3r")),
        new Relation<>("VN", List.of("VNu", "VNr")));
    Map<String, Kind> out = AT_30.withheld(all, relations);
    assertThat(out).containsOnlyKeys("P1u", "P1r", "P2u", "P2r");
    for (Relation<String> r : relations) {
      long withheld = r.parts().stream().filter(out::containsKey).count() + (out.containsKey(r.whole()) ? 1 : 0);
      assertThat(withheld).as("withheld members of %s", r).isNotEqualTo(1);
    }
  }
}
