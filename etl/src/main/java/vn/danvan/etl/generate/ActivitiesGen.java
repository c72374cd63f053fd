package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.Layout.Chunk;
import vn.danvan.etl.generate.TaskOut.TaskResult;

/**
 * {@code activities}: one line per activity, mostly in communes, by every kind of unit. An average
 * province records about 570 lines a year at scale 1 (fewer in the Covid years); a fifth of the
 * lines belong to one of the province's campaigns of that year (only campaigns that are not bad).
 */
final class ActivitiesGen {
  private ActivitiesGen() {}

  static final Table A = Table.ACTIVITIES;
  static final double PER_PROVINCE = 570;

  static Plan plan() {
    return new Plan(A, List.of(Ways.malformed(), Ways.missing(A, "unit", "activity_type"),
        Ways.badType(A, "participants", "value_vnd", "man_days"),
        Ways.vocabularies(A, new String[] {"activity_type", "party", "meeting", "sports"},
            new String[] {"unit", "club", "party_cell"}),
        Ways.endBeforeStart(A, "start_date", "end_date"),
        Ways.negative(A, "sessions", "participants", "quantity", "man_days", "value_vnd"),
        Ways.unknownRegion(A, "region_code"), Ways.regionNotValid(A, "region_code"),
        Ways.unknownReference(A, "campaign_code"), Ways.duplicate(),
        Ways.thousandsGrouped(A, "participants", "value_vnd"),
        Ways.formulaWithoutResult(A, "participants", "value_vnd")));
  }

  static double trend(int year) {
    double t = Math.pow(1.03, year - 2019);
    return year == 2020 ? t * 0.8 : year == 2021 ? t * 0.75 : t;
  }

  static List<Callable<TaskResult>> tasks(GenerateConfig config, Units units, Map<String, String[]> campaigns) {
    Layout layout = new Layout(config);
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    for (Chunk c : layout.chunks(units, s -> 63 * PER_PROVINCE * trend(s.year()) * s.fraction())) {
      tasks.add(() -> chunk(config, units, layout, c, campaigns));
    }
    return tasks;
  }

  private static TaskResult chunk(GenerateConfig config, Units units, Layout layout, Chunk c,
      Map<String, String[]> campaigns) throws Exception {
    Segment s = c.segment();
    EraUnits eu = c.units();
    Plan plan = plan();
    try (TaskOut out = new TaskOut(config, units, "activities", s.tag(), c.index())) {
      SplittableRandom rnd = out.rnd;
      RowSink main = out.open(A, c.file("csv"), Layout.bom(c.taskIndex()));
      int excel = layout.excelProvince(A, s, eu.provinces());
      RowSink excelSink = excel >= c.from() && excel < c.to()
          ? out.open(A, Layout.excelName(s, eu.provinceCode[excel]), false) : null;
      // Notes spanning lines force the loader to parse a whole file at once: keep them to a few files.
      boolean multiLineFile = c.taskIndex() % 5 == 2;
      String prefix = "A-" + s.tag() + "-" + c.index() + "-";
      int seq = 0;
      String[] row = new String[13];
      for (int p = c.from(); p < c.to(); p++) {
        double mean = config.scale() * PER_PROVINCE * eu.size(p, units.old.meanProvincePop)
            * trend(s.year()) * s.fraction();
        int n = Rng.poisson(rnd, mean);
        String[] codes = campaigns.getOrDefault(CampaignsGen.key(s, p), new String[0]);
        for (int k = 0; k < n; k++) {
          boolean toExcel = p == excel && excelSink != null && layout.toExcel(rnd);
          String unit = ActivityKinds.UNITS[Rng.pick(rnd, ActivityKinds.UNIT_WEIGHTS)];
          if (unit.equals("border_guard") && !eu.border[p]) {
            unit = "military";
          }
          int type = ActivityKinds.type(rnd, unit);
          int days = ActivityKinds.days(rnd, type);
          int start = s.from() + rnd.nextInt(s.days());
          int end = Math.min(s.to(), start + days - 1);
          row[0] = prefix + Layout.seq(++seq);
          row[1] = unit;
          row[2] = region(eu, p, rnd);
          row[3] = Dates.iso(start);
          row[4] = end > start || Rng.chance(rnd, 0.5) ? Dates.iso(end) : "";
          row[5] = ActivityKinds.TYPES[type];
          row[6] = codes.length > 0 && Rng.chance(rnd, 0.2) ? codes[rnd.nextInt(codes.length)] : "";
          ActivityKinds.measures(rnd, type, days, row);
          row[12] = Texts.note(rnd, type, (multiLineFile || toExcel) && Rng.chance(rnd, 0.01));
          out.emit(plan, toExcel ? excelSink : main, row, s.era());
        }
      }
      return out.finish();
    }
  }

  /** Where the activity took place: a commune mostly, else a district (old units) or the province. */
  private static String region(EraUnits eu, int p, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int[] communes = eu.communesOf[p];
    int[] districts = eu.districtsOf[p];
    double communeShare = eu.era == Era.OLD ? 0.65 : 0.85;
    if (u < communeShare && communes.length > 0) {
      return eu.communeCode[communes[rnd.nextInt(communes.length)]];
    }
    if (u < 0.9 && districts.length > 0) {
      return eu.districtCode[districts[rnd.nextInt(districts.length)]];
    }
    return eu.provinceCode[p];
  }
}
