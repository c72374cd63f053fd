package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.LandingReader.LandingRow;

/** The figures look like the real reports of ../shared/domain.md. */
class GenerateCalibrationTest {
  private static final double SCALE = 0.1;
  @TempDir
  static Path out;
  private static Set<String> planted;

  @BeforeAll
  static void generate() throws Exception {
    Fixtures.generate(Fixtures.config(out, "2023-2024", SCALE, 21, Fixtures.reference()));
    planted = Fixtures.planted(out);
  }

  private static List<LandingRow> good(Table t) throws Exception {
    return Fixtures.good(out, planted, t);
  }

  @Test
  void the_latest_snapshot_gives_lam_ha_like_reactions_shares_and_comments_per_post() throws Exception {
    Map<String, LandingRow> latest = new LinkedHashMap<>();
    for (LandingRow r : good(Table.POST_METRICS)) {
      latest.merge(r.get("post_id"), r, (a, b) -> instant(a).compareTo(instant(b)) >= 0 ? a : b);
    }
    assertThat(latest).hasSizeGreaterThan(3_000);
    assertThat(mean(latest.values(), "reactions")).isCloseTo(25, within(5.0));
    assertThat(mean(latest.values(), "shares")).isCloseTo(0.36, within(0.072));
    assertThat(mean(latest.values(), "comments")).isCloseTo(0.5, within(0.1));
  }

  @Test
  void some_posts_have_a_later_snapshot_with_fewer_reactions() throws Exception {
    Map<String, LandingRow> previous = new LinkedHashMap<>();
    int decreasing = 0;
    for (LandingRow r : good(Table.POST_METRICS)) {
      LandingRow before = previous.put(r.get("post_id"), r);
      if (before != null && Long.parseLong(r.get("reactions")) < Long.parseLong(before.get("reactions"))) {
        decreasing++;
      }
    }
    assertThat(decreasing).isBetween(10, previous.size() / 20);
  }

  @Test
  void nghe_an_creates_about_4494_models_in_2024_mostly_collective() throws Exception {
    List<LandingRow> models = good(Table.MODELS);
    long ngheAn2024 = models.stream().filter(r -> r.get("year").equals("2024"))
        .filter(r -> r.get("model_id").contains("2024a")).filter(r -> isNgheAn(r.get("region_code"))).count();
    assertThat(ngheAn2024 / SCALE).isCloseTo(4_494, within(4_494 * 0.2));
    double collective = models.stream().filter(r -> r.get("scope").equals("collective")).count()
        / (double) models.size();
    assertThat(collective).isCloseTo(0.83, within(0.03));
    assertThat(models).extracting(r -> r.get("field")).contains("economic", "culture_society",
        "defence_security", "political_system");
    assertThat(models).extracting(r -> r.get("status")).contains("registered", "recognized", "commended");
  }

  @Test
  void province_half_year_briefings_are_in_the_range_of_ninh_binh_163() throws Exception {
    List<Double> briefings = good(Table.REPORT_VALUES).stream()
        .filter(r -> r.get("region_code").length() == 2 && r.get("indicator").equals("briefing_conferences"))
        .filter(r -> r.get("period_start").endsWith("-01-01") && r.get("period_end").endsWith("-06-30"))
        .map(r -> Double.parseDouble(r.get("value"))).sorted().toList();
    assertThat(briefings).hasSizeGreaterThan(20);
    assertThat(briefings.get(briefings.size() / 2)).isBetween(100.0, 400.0);
  }

  @Test
  void some_model_breakdowns_do_not_add_up_to_their_total_as_in_real_reports() throws Exception {
    Map<String, long[]> byReport = new LinkedHashMap<>();
    for (LandingRow r : good(Table.REPORT_VALUES)) {
      if (r.get("indicator").equals("models_new")) {
        String report = r.get("region_code") + r.get("period_start") + r.get("period_end") + r.get("unit");
        long[] sums = byReport.computeIfAbsent(report, k -> new long[2]);
        long v = Long.parseLong(r.get("value"));
        String d = r.get("disaggregation");
        if (d == null) {
          sums[0] = v;
        } else if (d.startsWith("field=")) {
          sums[1] += v;
        }
      }
    }
    List<long[]> broken = byReport.values().stream().filter(s -> s[1] > 0).toList();
    assertThat(broken).isNotEmpty().anyMatch(s -> s[0] == s[1]).anyMatch(s -> s[0] != s[1]);
  }

  private static boolean isNgheAn(String code) {
    return code.equals("40") || NGHE_AN_UNITS.contains(code);
  }

  private static final Set<String> NGHE_AN_UNITS = new HashSet<>();

  @BeforeAll
  static void ngheAnUnits() throws Exception {
    Units units = new Units(Fixtures.reference() == null ? SyntheticUnits.build(21)
        : vn.danvan.etl.regions.AdminUnitsImport.read(Fixtures.reference()), "test", false, 21);
    int p = units.old.province("40");
    for (int d : units.old.districtsOf[p]) {
      NGHE_AN_UNITS.add(units.old.districtCode[d]);
    }
    for (int c : units.old.communesOf[p]) {
      NGHE_AN_UNITS.add(units.old.communeCode[c]);
    }
  }

  private static java.time.Instant instant(LandingRow r) {
    return java.time.OffsetDateTime.parse(r.get("observed_at")).toInstant();
  }

  private static double mean(java.util.Collection<LandingRow> rows, String column) {
    return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).average().orElseThrow();
  }
}
