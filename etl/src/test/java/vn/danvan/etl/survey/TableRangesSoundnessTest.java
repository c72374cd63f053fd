package vn.danvan.etl.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.danvan.etl.survey.WaveTable.Cell;

/**
 * The audit's cheap proofs (moves between withheld cells, directions kept from earlier programs and
 * reused for other cells and measures, programs over the nearest cells only, the presolve) must
 * never claim more than is true. For random tables of a province read by district and by every
 * stratum dimension, the published cells after both rounds are attacked with one linear program
 * over every withheld cell at once (the exact range, no cell fixed): every sensitive cell keeps at
 * least the protection level of its value in every measure; and the bounds by propagation, which
 * certify a cell under-protected without a program, hold that exact range.
 */
class TableRangesSoundnessTest {
  private static final String[] AGES = {"18-29", "30-44", "45-59", "60+"};
  private static final String[] SEXES = {"female", "male", "other"};
  private static final String[] RESIDENCES = {"urban", "rural"};
  private static final List<String> MEASURES = List.of("respondents", "weighted", "option:yes", "option:no");
  private static final int CASES = Integer.getInteger("danvan.audit.cases", 40);

  @Test
  void every_sensitive_cell_keeps_the_protection_level_when_every_withheld_cell_is_free() {
    int audited = 0;
    int withheldByAudit = 0;
    int tight = 0;
    for (int seed = 1; seed <= CASES; seed++) {
      Random random = new Random(seed);
      int districts = 2 + random.nextInt(3);
      Map<String, String> parent = new HashMap<>();
      for (int d = 1; d <= districts; d++) {
        parent.put(String.format("%03d", d), "01");
      }
      Geography geography = new Geography(parent, Map.of(), Map.of("01", "01"));
      Wave wave = new Wave("W1", "Đợt 1", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 20), "Q01", "yes_no",
          Wave.YES_NO, false);
      List<Answer> answers = new ArrayList<>();
      for (int d = 0; d <= districts; d++) {
        // d = 0: respondents coded with the province only (the districts' remainder)
        String region = d == 0 ? "01" : String.format("%03d", d);
        int count = d == 0 ? random.nextInt(6) : 8 + random.nextInt(70);
        double yesShare = random.nextDouble();
        for (int i = 0; i < count; i++) {
          answers.add(new Answer(wave, region, AGES[random.nextInt(AGES.length)],
              SEXES[random.nextInt(10) == 0 ? 2 : random.nextInt(2)], RESIDENCES[random.nextInt(2)],
              1 + random.nextInt(3) * 0.5, random.nextDouble() < yesShare ? "yes" : "no"));
        }
      }
      SeriesEstimates estimates = new SeriesEstimates(geography, SurveyRules.DEFAULT);
      List<EstimateRow> rows = estimates.estimate("attended_meeting", Map.of(wave, answers));
      withheldByAudit += (int) rows.stream().filter(r -> "audit".equals(r.suppression())).count();
      SeriesEstimates.Table table = estimates.table(wave, answers);
      TableRanges ranges = estimates.audit(wave, table, DisclosureAuditTest.withheld(rows));
      for (Map.Entry<Cell, WaveTable.Sums> e : table.cells().cells.entrySet()) {
        Cell cell = e.getKey();
        WaveTable.Sums sums = e.getValue();
        boolean withheld = !cell.placed() || rows.stream().anyMatch(r -> r.suppressed() && matches(r, cell));
        if (!withheld || sums.n >= SurveyRules.DEFAULT.minRespondents()) {
          continue;
        }
        for (String measure : MEASURES) {
          double v = switch (measure) {
            case "respondents" -> sums.n;
            case "weighted" -> sums.w;
            default -> sums.option(measure.substring("option:".length()));
          };
          if (!(v > 0)) {
            continue;
          }
          double[] range = ranges.range(measure, cell);
          // the bounds that certify a cell under-protected without a program hold every solution
          double[] bounds = ranges.bounds(measure, cell);
          assertThat(bounds[0]).as("seed %d, %s, %s: lowest %s", seed, cell, measure, range[0])
              .isLessThanOrEqualTo(range[0] + 1e-9 * (1 + v));
          assertThat(bounds[1]).as("seed %d, %s, %s: highest %s", seed, cell, measure, range[1])
              .isGreaterThanOrEqualTo(range[1] - 1e-9 * (1 + v));
          tight += bounds[1] - bounds[0] <= (range[1] - range[0]) * (1 + 1e-6) + 1e-9 ? 1 : 0;
          assertThat(range[1] - range[0]).as("seed %d, %s, %s = %s: exact range %s", seed, cell, measure, v,
              java.util.Arrays.toString(range)).isGreaterThanOrEqualTo(SurveyRules.DEFAULT_PROTECTION_LEVEL * v * (1 - 1e-9));
          audited++;
        }
      }
    }
    // the cases reach the audit's second round and many sensitive cells, or the property says little
    assertThat(audited).isGreaterThan(50 * CASES);
    assertThat(withheldByAudit).isPositive();
    // and the bounds are not vacuous: many are the exact range
    assertThat(tight).isGreaterThan(audited / 4);
  }

  private static boolean matches(EstimateRow r, Cell c) {
    return r.level().equals(c.level()) && r.regionCode().equals(c.region()) && r.by() == c.by()
        && java.util.Objects.equals(r.stratum(), c.stratum())
        && (c.boundaries().equals(WaveTable.BOTH) || r.boundaries().equals(c.boundaries()));
  }
}
