package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Stratum;
import vn.danvan.etl.survey.WaveTable.Cell;

/**
 * {@link Cell#ORDER} decides which cell the single-relation rule withholds on a tie and the order
 * the audit visits cells in: it must order cells exactly as their text did, including where one
 * field's value begins another's ("01" and "010", "60" and "60+", a stratum and none).
 */
class CellOrderTest {
  @Test
  void cells_compare_as_their_text_does() {
    String[] boundaries = {"reported", "2025", "*"};
    String[] levels = {"nation", "province", "district", "commune"};
    String[] regions = {"01", "010", "0101", "01 ", "01+", "VN", "~01", "1"};
    String[] strata = {null, "60", "60+", "60-69", "female", "fe", "null", "urban"};
    Random random = new Random(7);
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      cells.add(new Cell(boundaries[random.nextInt(boundaries.length)], levels[random.nextInt(levels.length)],
          regions[random.nextInt(regions.length)], Stratum.values()[random.nextInt(Stratum.values().length)],
          strata[random.nextInt(strata.length)]));
    }
    int compared = 0;
    for (Cell a : cells) {
      for (Cell b : cells) {
        assertThat(Integer.signum(Cell.ORDER.compare(a, b))).as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(160_000);
  }
}
