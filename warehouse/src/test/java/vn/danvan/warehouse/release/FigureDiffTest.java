package vn.danvan.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.release.ChangedFigure.Change;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The errata list between two snapshots of a {@link TestLake}: province NN's figure is 700 + NN in
 * the first (TestLake#marts), and the second changes, drops and adds one figure each
 * (TestLake#corrected).
 */
class FigureDiffTest {
  private static final String S1 = "20260101T000000000Z-00000001";
  private static final String S2 = "20260201T000000000Z-00000002";

  @TempDir Path tmp;

  private TestLake twoSnapshots() {
    return TestLake.in(tmp).marts(S1, 34, 7).corrected(S1, S2);
  }

  private static List<ChangedFigure> diff(TestLake lake, String before, String after) {
    Lake at = Lake.at(lake.root());
    return FigureDiff.list(at.ref(before), at.ref(after), WarehouseOptions.defaults());
  }

  @Test
  void lists_exactly_the_changed_the_appeared_and_the_vanished_figure() {
    TestLake lake = twoSnapshots();

    List<ChangedFigure> figures = diff(lake, S1, S2);

    assertThat(figures).containsExactly(
        new ChangedFigure(Change.CHANGED, "indicators", "activity_sessions", "2025", "province", "05", "Tỉnh 5",
            "year", "2024", null, 705.0, 750.0),
        new ChangedFigure(Change.VANISHED, "indicators", "activity_sessions", "reported", "province", "07",
            "Tỉnh 7", "year", "2020", null, 707.0, null),
        new ChangedFigure(Change.APPEARED, "indicators", "houses_supported", "2025", "province", "03", "Tỉnh 3",
            "year", "2024", null, null, 5.0));
  }

  @Test
  void the_other_way_round_the_appeared_vanish_and_the_same_snapshot_has_none() {
    TestLake lake = twoSnapshots();

    assertThat(diff(lake, S2, S1)).extracting(ChangedFigure::change, ChangedFigure::region)
        .containsExactly(tuple(Change.CHANGED, "05"),
            tuple(Change.APPEARED, "07"),
            tuple(Change.VANISHED, "03"));
    assertThat(diff(lake, S1, S1)).isEmpty();
  }

  @Test
  void survey_cells_and_a_mart_only_one_side_has_are_compared_too() {
    TestLake lake = twoSnapshots();
    String cells = "SELECT 'trust_local_government' AS indicator, 'W2024' AS wave_id, 'q1' AS question_id, "
        + "'2025' AS boundaries, 'province' AS level, '01' AS region_code, 'sex' AS \"by\", s AS stratum, "
        + "'top2' AS option, v AS value FROM (VALUES ('female', 0.61), ('male', %s)) t(s, v)";
    lake.parquet(S1, "survey_estimates/part-0.parquet", String.format(cells, "0.55"))
        // the men's cell withheld after the freeze (too few respondents once duplicates were removed)
        .parquet(S2, "survey_estimates/part-0.parquet", String.format(cells, "CAST(NULL AS DOUBLE)"))
        .parquet(S2, "external_indicator_values/part-0.parquet", "SELECT 'papi_total' AS indicator, "
            + "'reported' AS boundaries, 'province' AS level, '01' AS region_code, 'year' AS grain, "
            + "'2024' AS period, 2024 AS year, 42.5 AS value");

    List<ChangedFigure> figures = diff(lake, S1, S2);

    assertThat(figures).hasSize(5);
    assertThat(figures.get(3)).isEqualTo(new ChangedFigure(Change.APPEARED, "external", "papi_total", "reported",
        "province", "01", "Tỉnh 1", "year", "2024", null, null, 42.5));
    assertThat(figures.get(4)).isEqualTo(new ChangedFigure(Change.VANISHED, "survey", "trust_local_government",
        "2025", "province", "01", "Tỉnh 1", "wave", "W2024", "sex:male/top2", 0.55, null));
  }
}
