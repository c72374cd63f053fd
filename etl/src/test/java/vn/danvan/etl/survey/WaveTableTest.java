package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Stratum;
import vn.danvan.etl.survey.WaveTable.Atom;
import vn.danvan.etl.survey.WaveTable.Cell;
import vn.danvan.etl.survey.WaveTable.Sums;
import vn.danvan.etl.survey.WaveTable.Unit;

/**
 * {@link WaveTable} finds each region code's units once and sums into each cell through its unit;
 * it must build the table a respondent at a time would: the same cells in the same order (the
 * estimates' rows follow it), the same sums to the bit (summed in the same order), the same
 * parents, places and atoms. The reference below is that respondent-at-a-time build.
 */
class WaveTableTest {
  /**
   * Before the reform: province 01 with districts 001 (communes 00001, 00004) and 002 (00007);
   * province 02 with district 010 (00100); province 03, which respondents name only as a province
   * (its one district is a remainder, the province itself). From the reform: province 08 with
   * commune 20001. 01 → 2025 province 01, 02 → 08; commune 00001 went whole into 20001.
   */
  private static final Geography GEO = new Geography(
      Map.of("00001", "001", "00004", "001", "00007", "002", "001", "01", "002", "01", "00100", "010", "010", "02"),
      Map.of("20001", "08"), Map.of("01", "01", "02", "08"), Map.of("00001", "20001"));
  private static final String[] OLD_CODES = {"00001", "00004", "00007", "001", "010", "00100", "02", "03", "99999", "01"};
  private static final String[] NEW_CODES = {"20001", "08", "20009", "01"};
  private static final String[] AGES = {"18-29", "30-44", "60+", null, " "};
  private static final String[] SEXES = {"female", "male", null};
  private static final String[] PLACES = {"urban", "rural", null};
  private static final double[] WEIGHTS = {0.7, 1.0, 1.3, 2.9};

  @Test
  void builds_the_table_a_respondent_at_a_time_build_does_for_both_eras_and_both_kinds_of_question() {
    Random random = new Random(20261207);
    int checked = 0;
    for (boolean newEra : new boolean[] {false, true}) {
      for (boolean numeric : new boolean[] {false, true}) {
        Wave wave = new Wave("W", "Đợt", LocalDate.of(newEra ? 2025 : 2024, 9, 1), null, "Q", numeric ? "numeric"
            : "yes_no", numeric ? List.of() : Wave.YES_NO, newEra);
        String[] codes = newEra ? NEW_CODES : OLD_CODES;
        List<WaveTable.Response> responses = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
          Answer a = new Answer(wave, codes[random.nextInt(codes.length)], AGES[random.nextInt(AGES.length)],
              SEXES[random.nextInt(SEXES.length)], PLACES[random.nextInt(PLACES.length)],
              WEIGHTS[random.nextInt(WEIGHTS.length)], null);
          double x = random.nextInt(1_000) / 7.0;
          String text = numeric ? Double.toString(x) : random.nextBoolean() ? "yes" : "no";
          responses.add(new WaveTable.Response(a, text, numeric ? x : null));
        }
        WaveTable table = WaveTable.of(responses, GEO, newEra);
        Reference expected = new Reference(responses, newEra);

        assertThat(new ArrayList<>(table.cells.keySet())).isEqualTo(new ArrayList<>(expected.cells.keySet()));
        expected.cells.forEach((cell, sums) -> assertSame(table.cells.get(cell), sums, cell, numeric));
        assertThat(table.parent).isEqualTo(expected.parent);
        assertThat(table.places).isEqualTo(expected.places);
        assertThat(new ArrayList<>(table.atoms.keySet())).isEqualTo(new ArrayList<>(expected.atoms.keySet()));
        expected.atoms.forEach((atom, sums) -> assertSame(table.atoms.get(atom), sums, atom, numeric));
        // the geography's remainders and aliases are reached: a district remainder of 02, none of 03
        if (!newEra) {
          assertThat(table.cells.keySet()).anyMatch(c -> c.region().equals(WaveTable.UNPLACED + "02"))
              .noneMatch(c -> c.region().equals(WaveTable.UNPLACED + "03"));
        }
        checked += table.cells.size();
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  private static void assertSame(Sums actual, Sums expected, Object what, boolean numeric) {
    assertThat(actual.n).as("n of %s", what).isEqualTo(expected.n);
    assertThat(Double.doubleToLongBits(actual.w)).as("w of %s", what).isEqualTo(Double.doubleToLongBits(expected.w));
    assertThat(Double.doubleToLongBits(actual.w2)).as("w2 of %s", what).isEqualTo(Double.doubleToLongBits(expected.w2));
    assertThat(Double.doubleToLongBits(actual.wx)).as("wx of %s", what).isEqualTo(Double.doubleToLongBits(expected.wx));
    assertThat(Double.doubleToLongBits(actual.wx2)).as("wx2 of %s", what).isEqualTo(Double.doubleToLongBits(expected.wx2));
    if (!numeric) {
      for (String o : Wave.YES_NO) {
        assertThat(Double.doubleToLongBits(actual.option(o))).as("%s of %s", o, what)
            .isEqualTo(Double.doubleToLongBits(expected.option(o)));
      }
    }
  }

  /** The table built a respondent at a time: each one's path, place and 24 cells looked up afresh. */
  private static final class Reference {
    final Map<Cell, Sums> cells = new LinkedHashMap<>();
    final Map<Unit, Unit> parent = new HashMap<>();
    final List<Set<Unit>> places;
    final Map<Atom, Sums> atoms = new LinkedHashMap<>();

    Reference(List<WaveTable.Response> responses, boolean newEra) {
      Map<Unit, Unit> rawParent = new HashMap<>();
      List<List<Unit>> paths = new ArrayList<>();
      for (WaveTable.Response r : responses) {
        paths.add(WaveTable.path(GEO.place(r.answer().regionCode(), newEra), newEra, rawParent));
      }
      Map<Unit, Unit> alias = WaveTable.aliases(rawParent);
      Map<Set<Unit>, Integer> distinct = new LinkedHashMap<>();
      Unit nation = new Unit(WaveTable.BOTH, "nation", WaveTable.NATION);
      for (int i = 0; i < responses.size(); i++) {
        WaveTable.Response r = responses.get(i);
        Set<Unit> place = new HashSet<>();
        place.add(nation);
        add(nation, r);
        for (Unit u : paths.get(i)) {
          if (!alias.containsKey(u)) {
            place.add(u);
            add(u, r);
            Unit p = rawParent.get(u);
            parent.putIfAbsent(u, p == null ? nation : WaveTable.resolve(alias, p));
          }
        }
        int at = distinct.computeIfAbsent(place, k -> distinct.size());
        Answer a = r.answer();
        atoms.computeIfAbsent(new Atom(at, a.stratum(Stratum.AGE_GROUP), a.stratum(Stratum.SEX),
            a.stratum(Stratum.RESIDENCE)), k -> new Sums()).add(a.weight(), r.text(), r.x());
      }
      places = List.copyOf(distinct.keySet());
    }

    private void add(Unit u, WaveTable.Response r) {
      for (Stratum by : Stratum.values()) {
        cells.computeIfAbsent(new Cell(u, by, r.answer().stratum(by)), c -> new Sums())
            .add(r.answer().weight(), r.text(), r.x());
      }
    }
  }
}
