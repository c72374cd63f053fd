package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.Layout.Chunk;
import vn.danvan.etl.generate.TaskOut.TaskResult;

/**
 * {@code models}: "Dân vận khéo" models, thousands a year in a large province. Calibrated on Nghệ An
 * 2024 (4,494 new models: 83 % collective; by field 27 % economic, 51 % culture-society, 11 %
 * defence-security, 11 % political system) and Lâm Hà 2023 (44 registered, 42 recognised, over 4.3
 * billion VND mobilised: about 100 million per model).
 */
final class ModelsGen {
  private ModelsGen() {}

  static final Table M = Table.MODELS;
  /** New models of an average province in an average year (trend 1), at scale 1. */
  static final double PER_PROVINCE = 250;
  static final String NGHE_AN = "40";
  static final String[] FIELDS = {"economic", "culture_society", "defence_security", "political_system"};
  static final double[] FIELD_WEIGHTS = Rng.cumulative(1212, 2298, 486, 507);

  static Plan plan() {
    return new Plan(M, List.of(Ways.malformed(), Ways.missing(M, "field", "scope", "status"),
        Ways.badType(M, "mobilized_vnd"),
        Ways.vocabularies(M, new String[] {"field", "sports", "environment"},
            new String[] {"scope", "group", "family"}, new String[] {"status", "approved", "pending"}),
        Ways.futureYear(M, "year", "region_code"), Ways.negative(M, "mobilized_vnd"),
        Ways.unknownRegion(M, "region_code"), Ways.regionNotValid(M, "region_code"), Ways.duplicate(),
        Ways.thousandsGrouped(M, "mobilized_vnd"), Ways.formulaWithoutResult(M, "mobilized_vnd")));
  }

  /**
   * Expected new models of a province in a year at scale 1. Provinces differ in zeal (a fixed
   * factor per province code); Nghệ An is pinned so that 2024 gives its reported 4,494.
   */
  static double expected(EraUnits eu, int p, int year, Units units, long seed) {
    double size = eu.size(p, units.old.meanProvincePop);
    double zeal;
    if (eu.provinceCode[p].equals(NGHE_AN)) {
      zeal = 4_494 / (PER_PROVINCE * size * Figures.modelsTrend(2024));
    } else {
      zeal = Math.exp(0.35 * new SplittableRandom(Rng.seed(seed, "zeal", eu.provinceCode[p])).nextGaussian());
    }
    return PER_PROVINCE * size * zeal * Figures.modelsTrend(year);
  }

  static List<Callable<TaskResult>> tasks(GenerateConfig config, Units units) {
    Layout layout = new Layout(config);
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    for (Chunk c : layout.chunks(units, s -> 20_000 * Figures.modelsTrend(s.year()) * s.fraction())) {
      tasks.add(() -> chunk(config, units, layout, c));
    }
    return tasks;
  }

  private static TaskResult chunk(GenerateConfig config, Units units, Layout layout, Chunk c)
      throws Exception {
    Segment s = c.segment();
    EraUnits eu = c.units();
    Plan plan = plan();
    try (TaskOut out = new TaskOut(config, units, "models", s.tag(), c.index())) {
      SplittableRandom rnd = out.rnd;
      RowSink main = out.open(M, c.file("csv"), Layout.bom(c.taskIndex()));
      int excel = layout.excelProvince(M, s, eu.provinces());
      RowSink excelSink = excel >= c.from() && excel < c.to()
          ? out.open(M, Layout.excelName(s, eu.provinceCode[excel]), false) : null;
      String year = Integer.toString(s.year());
      Era era = s.year() == 2025 ? null : s.era();
      double[] status = statusWeights(s.year());
      String prefix = "M-" + s.tag() + "-" + c.index() + "-";
      int seq = 0;
      for (int p = c.from(); p < c.to(); p++) {
        int n = Rng.poisson(rnd, config.scale() * expected(eu, p, s.year(), units, config.seed()) * s.fraction());
        for (int k = 0; k < n; k++) {
          String[] place = place(eu, p, rnd);
          String mobilized = Rng.chance(rnd, 0.2) ? ""
              : Long.toString(Math.round(Rng.lognormal(rnd, 60e6, 0.9) / 1e5) * 100_000L);
          String[] row = {prefix + Layout.seq(++seq), place[0], year, FIELDS[Rng.pick(rnd, FIELD_WEIGHTS)],
              Rng.chance(rnd, 0.83) ? "collective" : "individual",
              Rng.pick(rnd, status) == 0 ? "registered" : Rng.chance(rnd, 0.8) ? "recognized" : "commended",
              mobilized, Texts.modelName(rnd, place[1])};
          out.emit(plan, p == excel && excelSink != null && layout.toExcel(rnd) ? excelSink : main, row, era);
        }
      }
      return out.finish();
    }
  }

  /** Models of recent years are more often only registered; older ones were recognised since. */
  private static double[] statusWeights(int year) {
    double registered = year >= 2025 ? 0.45 : year == 2024 ? 0.25 : 0.05;
    return Rng.cumulative(registered, 1 - registered);
  }

  /** Code and name of where a model runs: mostly a commune, sometimes a district or province. */
  private static String[] place(EraUnits eu, int p, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int[] communes = eu.communesOf[p];
    int[] districts = eu.districtsOf[p];
    if (u < 0.8 && communes.length > 0) {
      int i = communes[rnd.nextInt(communes.length)];
      return new String[] {eu.communeCode[i], eu.communeName[i]};
    }
    if (u < 0.95 && districts.length > 0) {
      int i = districts[rnd.nextInt(districts.length)];
      return new String[] {eu.districtCode[i], eu.districtName[i]};
    }
    return new String[] {eu.provinceCode[p], eu.provinceName[p]};
  }
}
