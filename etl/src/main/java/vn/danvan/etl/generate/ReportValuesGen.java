package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.Layout.Chunk;
import vn.danvan.etl.generate.TaskOut.TaskResult;

/**
 * {@code report_values}: the figures of periodic reports. Each province and district (after the
 * reform: province and commune) sends a few reports a year, most often the mobilization board's and
 * the military command's half-year and year reports; at larger scales quarterly and monthly reports
 * of more units come in. Values follow {@link Figures}; the board's year report breaks new models
 * down by scope and field, and those parts do not always add up to the total, as in real reports.
 */
final class ReportValuesGen {
  private ReportValuesGen() {}

  static final Table R = Table.REPORT_VALUES;
  static final String[] UNITS = {"mobilization_board", "military", "fatherland_front", "farmers_union",
      "police", "youth_union", "women_union", "veterans_union", "border_guard", "government"};

  static Plan plan() {
    return new Plan(R, List.of(Ways.malformed(), Ways.missing(R, "unit", "value"), Ways.badType(R, "value"),
        Ways.vocabulary(R, "unit", "club", "ban_tuyen_giao", "party"), Ways.unknownIndicator(R),
        Ways.endBeforeStart(R, "period_start", "period_end"), Ways.negative(R, "value"),
        Ways.unknownRegion(R, "region_code"), Ways.regionNotValid(R, "region_code"), Ways.duplicate(),
        Ways.thousandsGrouped(R, "value"), Ways.fractional(R, "value"), Ways.formulaWithoutResult(R, "value")));
  }

  static List<Callable<TaskResult>> tasks(GenerateConfig config, Units units) {
    Layout layout = new Layout(config);
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    for (Chunk c : layout.chunks(units, s -> 33_000 * s.fraction())) {
      tasks.add(() -> chunk(config, units, layout, c));
    }
    return tasks;
  }

  private static TaskResult chunk(GenerateConfig config, Units units, Layout layout, Chunk c)
      throws Exception {
    Segment s = c.segment();
    EraUnits eu = c.units();
    try (TaskOut out = new TaskOut(config, units, "report_values", s.tag(), c.index())) {
      RowSink main = out.open(R, layout.reportValuesFile(c), Layout.bom(c.taskIndex()));
      int excel = layout.excelProvince(R, s, eu.provinces());
      RowSink excelSink = excel >= c.from() && excel < c.to()
          ? out.open(R, Layout.excelName(s, eu.provinceCode[excel]), false) : null;
      Reports reports = new Reports(out, plan(), s, eu, config, "RV-" + s.tag() + "-" + c.index() + "-");
      List<Period> periods = Period.of(s);
      boolean old = s.era() == Era.OLD;
      for (int p = c.from(); p < c.to(); p++) {
        RowSink sink = p == excel ? excelSink : main;
        reports.region(sink, main, layout, p, eu.provinceCode[p], eu.size(p, units.old.meanProvincePop),
            eu.communesOf[p].length, 1.0, periods, old ? 8 : 16);
        int[] below = old ? eu.districtsOf[p] : eu.communesOf[p];
        for (int i : below) {
          String code = old ? eu.districtCode[i] : eu.communeCode[i];
          long pop = old ? eu.districtPop[i] : eu.communePop[i];
          reports.region(sink, main, layout, p, code, pop / units.old.meanProvincePop,
              old ? eu.communesInDistrict[i] : 1, pop / (double) Math.max(1, eu.provincePop[p]), periods,
              old ? 5 : 0.8);
        }
      }
      return out.finish();
    }
  }

  /** A reporting period: label, days [from, to] and length in half-years. */
  record Period(String label, int from, int to, double halves, boolean year) {
    /** Main periods first (half-year, year), then quarters, then months; all inside {@code s}. */
    static List<Period> of(Segment s) {
      int y = s.year();
      List<Period> all = new ArrayList<>();
      // The new units' first report is the second half of 2025, then the year's.
      all.add(new Period("6 tháng đầu năm", Dates.day(y, 1, 1), Dates.day(y, 6, 30), 1, false));
      all.add(new Period("6 tháng cuối năm", Dates.day(y, 7, 1), Dates.day(y, 12, 31), 1, false));
      all.add(new Period("năm", Dates.day(y, 1, 1), Dates.day(y, 12, 31), 2, true));
      for (int q = 0; q < 4; q++) {
        all.add(new Period("quý " + (q + 1), Dates.day(y, 3 * q + 1, 1),
            Dates.day(java.time.YearMonth.of(y, 3 * q + 3).atEndOfMonth()), 0.5, false));
      }
      for (int m = 1; m <= 12; m++) {
        all.add(new Period("tháng " + m, Dates.day(y, m, 1),
            Dates.day(java.time.YearMonth.of(y, m).atEndOfMonth()), 1 / 6.0, false));
      }
      List<Period> out = new ArrayList<>();
      for (Period p : all) {
        boolean inside = p.from >= s.from() && p.to <= s.to();
        // The new units' year report covers 2025 whole: they report for their area's year.
        boolean newYear = p.year && s.era() == Era.NEW && p.to == s.to();
        // Before the reform nobody sends a "second half" report: the year report covers it.
        boolean skip = p.label.startsWith("6 tháng cuối") && s.era() == Era.OLD;
        if ((inside || newYear) && !skip) {
          out.add(p);
        }
      }
      return out;
    }

    /** The units a record of this period may use: null when it spans both eras. */
    Era era() {
      return to < Segment.REFORM ? Era.OLD : from >= Segment.REFORM ? Era.NEW : null;
    }
  }
}
