package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;

/**
 * {@code campaigns} and {@code campaign_targets}: each province runs a few campaigns of the national
 * movements a year, with targets for the province and its districts (after the reform: some of its
 * communes). A campaign made bad gets no targets and is never referred to, so the loader's
 * quarantine holds exactly the planted rows.
 */
final class CampaignsGen {
  private CampaignsGen() {}

  static final Table C = Table.CAMPAIGNS;
  static final Table T = Table.CAMPAIGN_TARGETS;
  static final String[] OWNERS = {"mobilization_board", "fatherland_front", "military", "police",
      "youth_union", "women_union", "farmers_union", "government"};
  static final double[] OWNER_WEIGHTS = Rng.cumulative(40, 15, 12, 10, 8, 5, 5, 5);
  static final String[][] TARGET_INDICATORS = {{"models_new", "models_recognized"},
      {"legal_awareness_sessions", "dialogues"}, {"communes_new_rural", "man_days"},
      {"houses_supported", "gifts", "gifts_value_vnd"}, {"houses_supported", "gifts"},
      {"recruits_mobilized", "briefing_conferences"}};
  /** No campaign is planned to end after this day, which lies before any load. */
  static final int LAST_END = Dates.day(2026, 6, 30);

  static Plan campaignPlan() {
    return new Plan(C, List.of(Ways.malformed(), Ways.missing(C, "name", "owner_unit"),
        Ways.badType(C, "start_date"),
        Ways.vocabulary(C, "owner_unit", "club", "party_cell", "ban_dan_van"),
        Ways.endBeforeStart(C, "start_date", "end_date"), Ways.duplicate()));
  }

  static Plan targetPlan() {
    return new Plan(T, List.of(Ways.malformed(), Ways.missing(T, "target_value"),
        Ways.badType(T, "target_value"), Ways.unknownIndicator(T), Ways.futureYear(T, "year", "region_code"),
        Ways.negative(T, "target_value"), Ways.unknownRegion(T, "region_code"),
        Ways.regionNotValid(T, "region_code"), Ways.unknownReference(T, "campaign_code"),
        Ways.duplicate(), Ways.thousandsGrouped(T, "target_value"), Ways.fractional(T, "target_value"),
        Ways.formulaWithoutResult(T, "target_value")));
  }

  /** One year's files and the good campaign codes per segment and province. */
  record YearOutput(TaskOut.TaskResult result, Map<String, String[]> codes) {}

  /** Key of {@link YearOutput#codes}: segment tag and province index. */
  static String key(Segment s, int province) {
    return s.tag() + "|" + province;
  }

  static List<Callable<YearOutput>> tasks(GenerateConfig config, Units units) {
    List<Callable<YearOutput>> tasks = new ArrayList<>();
    Layout layout = new Layout(config);
    for (int year = config.firstYear(); year <= config.lastYear(); year++) {
      int y = year;
      int index = tasks.size();
      tasks.add(() -> year(config, units, layout, y, index));
    }
    return tasks;
  }

  private static YearOutput year(GenerateConfig config, Units units, Layout layout, int year,
      int index) throws Exception {
    Plan campaigns = campaignPlan();
    Plan targets = targetPlan();
    Map<String, String[]> codes = new HashMap<>();
    try (TaskOut out = new TaskOut(config, units, "campaigns", year)) {
      SplittableRandom rnd = out.rnd;
      RowSink campaignSink = out.open(C, year + ".csv", Layout.bom(index));
      for (Segment s : Segment.of(year)) {
        EraUnits eu = units.of(s.era());
        RowSink targetSink = out.open(T, Layout.name(s, 0, "csv"), Layout.bom(index + 1));
        int excel = layout.excelProvince(T, s, eu.provinces());
        RowSink excelSink = excel < 0 ? null
            : out.open(T, Layout.excelName(s, eu.provinceCode[excel]), false);
        Era targetEra = s.year() == 2025 ? null : s.era();
        for (int p = 0; p < eu.provinces(); p++) {
          int n = Rng.poisson(rnd, config.scale() * 2.5 * s.fraction());
          List<String> good = new ArrayList<>();
          for (int k = 1; k <= n; k++) {
            int movement = rnd.nextInt(Texts.MOVEMENTS.length);
            String code = "CP-" + s.tag() + "-" + eu.provinceCode[p] + "-" + (k < 10 ? "0" : "") + k;
            int start = s.from() + rnd.nextInt(Math.max(1, s.days() - 20));
            int end = Math.min(LAST_END, start + Rng.between(rnd, 30, 400));
            String[] row = {code, String.format(Texts.MOVEMENTS[movement][1], year, eu.provinceName[p]),
                Texts.MOVEMENTS[movement][0], Dates.iso(start), Rng.chance(rnd, 0.15) ? "" : Dates.iso(end),
                OWNERS[Rng.pick(rnd, OWNER_WEIGHTS)]};
            if (out.emit(campaigns, campaignSink, row, s.era())) {
              continue;
            }
            good.add(code);
            RowSink sink = p == excel && layout.toExcel(rnd) ? excelSink : targetSink;
            writeTargets(out, targets, sink, eu, p, s, code, TARGET_INDICATORS[movement], targetEra);
          }
          codes.put(key(s, p), good.toArray(String[]::new));
        }
      }
      return new YearOutput(out.finish(), codes);
    }
  }

  private static void writeTargets(TaskOut out, Plan plan, RowSink sink, EraUnits eu, int p, Segment s,
      String code, String[] indicators, Era era) throws Exception {
    SplittableRandom rnd = out.rnd;
    List<String> regions = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    regions.add(eu.provinceCode[p]);
    sizes.add(eu.size(p, out.units.old.meanProvincePop));
    int[] below = eu.era == Era.OLD ? eu.districtsOf[p] : eu.communesOf[p];
    double keep = eu.era == Era.OLD ? 0.7 : 0.08;
    for (int i : below) {
      if (Rng.chance(rnd, keep)) {
        boolean district = eu.era == Era.OLD;
        regions.add(district ? eu.districtCode[i] : eu.communeCode[i]);
        long pop = district ? eu.districtPop[i] : eu.communePop[i];
        sizes.add(pop / out.units.old.meanProvincePop);
      }
    }
    int count = 1 + (indicators.length > 1 && rnd.nextBoolean() ? 1 : 0);
    int first = rnd.nextInt(indicators.length);
    String year = Integer.toString(s.year());
    for (int r = 0; r < regions.size(); r++) {
      for (int k = 0; k < count; k++) {
        String indicator = indicators[(first + k) % indicators.length];
        double value = target(indicator, sizes.get(r), rnd);
        out.emit(plan, sink, new String[] {code, regions.get(r), year, indicator, number(value)}, era);
      }
    }
  }

  /** A yearly target about what the region achieved in a typical year, rounded as plans round. */
  private static double target(String indicator, double size, SplittableRandom rnd) {
    if (indicator.equals("communes_new_rural")) {
      return Math.max(1, Math.round(size * 40 * (0.3 + rnd.nextDouble() * 0.6)));
    }
    double v = Figures.HALF_YEAR.get(indicator) * 2 * size * (0.5 + rnd.nextDouble() * 0.7);
    double step = v >= 1e9 ? 1e8 : v >= 1e4 ? 100 : v >= 100 ? 10 : 1;
    return Math.max(1, Math.round(v / step) * step);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
