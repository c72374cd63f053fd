package vn.danvan.etl.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Grain;

class GrainColumnsTest {
  /** A period's key as {@link GrainColumns#key} computes it in Spark, from the period's first day. */
  private static int key(Grain grain, LocalDate day) {
    LocalDate start = grain.periodStart(day);
    return start.getYear() * 1000 + grain.rank() * 100 + start.getMonthValue();
  }

  @Test
  void a_period_s_key_gives_back_its_year_and_label_for_every_grain_and_month() {
    for (int year : new int[] {2015, 2025}) {
      for (int month = 1; month <= 12; month++) {
        LocalDate day = LocalDate.of(year, month, 17);
        // the labels of the month, quarter, half and year that hold the month
        List<String> labels = GrainColumns.labelsHolding(year * 100 + month);
        List<Grain> grains = List.of(Grain.MONTH, Grain.QUARTER, Grain.HALF, Grain.YEAR);
        for (int g = 0; g < grains.size(); g++) {
          int key = key(grains.get(g), day);
          assertThat(GrainColumns.labelOf(key)).as("%s of %s", grains.get(g), day).isEqualTo(labels.get(g));
          assertThat(GrainColumns.yearOf(key)).isEqualTo(year);
        }
      }
    }
    assertThat(GrainColumns.labelOf(2019107)).isEqualTo("2019-Q3");
    assertThat(GrainColumns.labelsHolding(201908)).containsExactly("2019-08", "2019-Q3", "2019-H2", "2019");
    assertThat(GrainColumns.labelsHolding(202501)).containsExactly("2025-01", "2025-Q1", "2025-H1", "2025");
    assertThat(GrainColumns.labelsHolding(202512)).containsExactly("2025-12", "2025-Q4", "2025-H2", "2025");
    assertThat(key(Grain.QUARTER, LocalDate.of(2019, 8, 1))).isEqualTo(2019107);
  }
}
