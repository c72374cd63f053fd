package vn.danvan.etl.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import vn.danvan.etl.generate.ReportValuesGen.Period;

/** Writes the reports of one region of one segment: the rows of {@code report_values}. */
final class Reports {
  private static final String[] SCOPES = {"scope=collective", "scope=individual"};
  private static final String[] FIELDS = {"field=economic", "field=culture_society",
      "field=defence_security", "field=political_system"};
  private static final double[] FIELD_SHARES = {0.27, 0.51, 0.108, 0.112};

  private final TaskOut out;
  private final Plan plan;
  private final Segment s;
  private final EraUnits eu;
  private final GenerateConfig config;
  private final String idPrefix;
  private final SplittableRandom rnd;
  private final String[] row = new String[9];
  private int seq;

  Reports(TaskOut out, Plan plan, Segment s, EraUnits eu, GenerateConfig config, String idPrefix) {
    this.out = out;
    this.plan = plan;
    this.s = s;
    this.eu = eu;
    this.config = config;
    this.idPrefix = idPrefix;
    this.rnd = out.rnd;
  }

  /**
   * The reports of one region: a count drawn around {@code lambda} (scaled), taken in order of how
   * common they are: main periods of the main units first, then quarters, then months.
   *
   * @param size the region's population relative to an average old province
   * @param share the region's share of its province's population (1 for the province)
   */
  void region(RowSink excel, RowSink main, Layout layout, int p, String code, double size, int communes,
      double share, List<Period> periods, double lambda) throws IOException {
    int k = Rng.poisson(rnd, config.scale() * lambda * s.fraction());
    for (int tier = 0; tier < 3 && k > 0; tier++) {
      for (String unit : ReportValuesGen.UNITS) {
        if (unit.equals("border_guard") && !eu.border[p]) {
          continue;
        }
        for (Period period : periods) {
          if (k > 0 && tier(period) == tier) {
            k--;
            RowSink sink = excel != null && excel != main && layout.toExcel(rnd) ? excel : main;
            report(sink, p, code, size, communes, share, unit, period);
          }
        }
      }
    }
  }

  private static int tier(Period period) {
    return period.halves() >= 1 ? 0 : period.halves() >= 0.5 ? 1 : 2;
  }

  private void report(RowSink sink, int p, String code, double size, int communes, double share,
      String unit, Period period) throws IOException {
    String source = Texts.sourceDocument(rnd, Figures.shortName(unit), s.year(), period.label());
    Era era = period.era();
    String start = Dates.iso(period.from());
    String end = Dates.iso(period.to());
    long registered = Math.round((share >= 1 ? 30 : 12) * (0.6 + rnd.nextDouble() * 0.8));
    double newRural = newRuralShare(p);
    for (String indicator : Figures.BY_UNIT.get(unit)) {
      boolean yearOnly = indicator.startsWith("communes_");
      if ((yearOnly && !period.year()) || (indicator.startsWith("outreach_") && s.year() < 2018)
          || Rng.chance(rnd, 0.15)) {
        continue;
      }
      double value = switch (indicator) {
        case "tasks_registered" -> registered;
        case "tasks_completed" -> Math.round(registered * (period.year() ? 0.6 + 0.4 * rnd.nextDouble()
            : 0.3 + 0.4 * rnd.nextDouble()));
        case "communes_total" -> communes;
        case "communes_new_rural" -> communes == 1 ? (Rng.chance(rnd, newRural) ? 1 : 0)
            : Math.round(communes * newRural);
        case "models_new", "models_recognized", "models_mobilized_vnd" -> models(indicator, p, share, period);
        default -> amount(indicator, size, unit, period);
      };
      write(sink, code, start, end, unit, indicator, "", value, source, era);
      if (indicator.equals("models_new") && period.year() && value >= 20) {
        breakdown(sink, code, start, end, unit, (long) value, source, era);
      }
      if (indicator.equals("communes_new_rural") && share >= 1 && communes > 1) {
        double pct = 100.0 * value / communes + (Rng.chance(rnd, 0.3) ? rnd.nextGaussian() * 0.1 : 0);
        write(sink, code, start, end, unit, "new_rural_share", "", Math.round(pct * 100) / 100.0, source, era);
      }
    }
  }

  /** Scope and field parts of the new models; about a third of the reports do not add up. */
  private void breakdown(RowSink sink, String code, String start, String end, String unit, long total,
      String source, Era era) throws IOException {
    long collective = Math.round(total * (0.83 + rnd.nextGaussian() * 0.02));
    long individual = total - collective + (Rng.chance(rnd, 0.2) ? Rng.between(rnd, 1, 9) : 0);
    write(sink, code, start, end, unit, "models_new", SCOPES[0], collective, source, era);
    write(sink, code, start, end, unit, "models_new", SCOPES[1], individual, source, era);
    long rest = total + (Rng.chance(rnd, 0.33) ? Rng.between(rnd, -12, 12) : 0);
    for (int f = 0; f < FIELDS.length; f++) {
      long part = f == FIELDS.length - 1 ? Math.max(0, rest)
          : Math.round(total * FIELD_SHARES[f] * (1 + rnd.nextGaussian() * 0.08));
      rest -= part;
      write(sink, code, start, end, unit, "models_new", FIELDS[f], part, source, era);
    }
  }

  private void write(RowSink sink, String code, String start, String end, String unit, String indicator,
      String disaggregation, double value, String source, Era era) throws IOException {
    row[0] = idPrefix + Layout.seq(++seq);
    row[1] = code;
    row[2] = start;
    row[3] = end;
    row[4] = unit;
    row[5] = indicator;
    row[6] = disaggregation;
    row[7] = CampaignsGen.number(value);
    row[8] = source;
    out.emit(plan, sink, row, era);
  }

  private double amount(String indicator, double size, String unit, Period period) {
    double v = Figures.HALF_YEAR.get(indicator) * period.halves() * Figures.trend(indicator, s.year())
        * size * Figures.unitShare(unit, indicator) * Rng.lognormal(rnd, 1, 0.25);
    return indicator.endsWith("_vnd") ? Math.round(v / 1e6) * 1e6 : Math.round(v);
  }

  private double models(String indicator, int p, double share, Period period) {
    double expected = ModelsGen.expected(eu, p, s.year(), out.units, config.seed()) * share
        * period.halves() / 2;
    double created = Math.round(expected * Rng.lognormal(rnd, 1, 0.08));
    return switch (indicator) {
      case "models_new" -> created;
      case "models_recognized" -> Math.round(created * (0.85 + 0.12 * rnd.nextDouble()));
      default -> Math.round(created * Rng.lognormal(rnd, 95e6, 0.3) / 1e6) * 1e6;
    };
  }

  /** Share of communes meeting the new-rural standard: rising over the years, higher in some provinces. */
  private double newRuralShare(int p) {
    double lift = 0.12 * new SplittableRandom(Rng.seed(config.seed(), "rural", eu.provinceCode[p])).nextGaussian();
    return Math.max(0.02, Math.min(0.98, 0.15 + 0.06 * (s.year() - 2015) + lift));
  }
}
