package vn.danvan.etl.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import vn.danvan.etl.survey.WaveTable.Cell;

/**
 * The estimates of one indicator's series (its questions across waves): for every wave, every
 * unit of the region trees (the nation; provinces, districts before the reform and communes as
 * reported; the 34 provinces and the communes of 2025) and every stratum of one dimension, the
 * weighted proportion of each option (and the top-2-box of likert5 questions) or the weighted mean,
 * with both rounds of disclosure control applied ({@link Suppression}, then {@link
 * DisclosureAudit}) and the change from the series' previous wave.
 */
public final class SeriesEstimates {
  public static final String REPORTED = WaveTable.REPORTED;
  public static final String RESTATED = WaveTable.RESTATED;
  public static final String NATION = WaveTable.NATION;
  public static final String TOP2 = "top2";
  /**
   * The unit of respondents whose region code leads to none at a level (no province of its era's
   * tree, or, restated, of the 2025 provinces; no district or commune in their province): never
   * shown, always withheld, so that a whole minus its shown parts cannot reveal them.
   */
  static final String UNPLACED = WaveTable.UNPLACED;

  /** By region code, age group, sex, residence (no value first), weight, then answer (none first). */
  private static final Comparator<Answer> CANONICAL = SeriesEstimates::canonical;

  private final Geography geography;
  private final SurveyRules rules;
  private final Estimator estimator;
  private final Suppression<Cell> suppression;
  private final DisclosureAudit audit;
  private final BiConsumer<Wave, DisclosureAudit.Outcome> audits;
  private final boolean audited;

  public SeriesEstimates(Geography geography, SurveyRules rules) {
    this(geography, rules, (w, o) -> { }, true);
  }

  /**
   * @param audits told the outcome of each wave's disclosure audit
   * @param audited false only to measure what the audit costs: the first round alone is not safe to publish
   */
  public SeriesEstimates(Geography geography, SurveyRules rules, BiConsumer<Wave, DisclosureAudit.Outcome> audits,
      boolean audited) {
    this.audited = audited;
    this.geography = Objects.requireNonNull(geography, "geography");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.estimator = new Estimator(rules.confidence());
    this.suppression = new Suppression<>(rules.minRespondents(), Cell.ORDER);
    this.audit = new DisclosureAudit(rules.protectionLevel(), suppression);
    this.audits = Objects.requireNonNull(audits, "audits");
  }

  /** Every row of the series; {@code indicator} may be null for a question linked to no series. */
  public List<EstimateRow> estimate(String indicator, Map<Wave, List<Answer>> byWave) {
    List<Wave> waves = new ArrayList<>(byWave.keySet());
    waves.sort(Comparator.comparing(Wave::fieldworkStart).thenComparing(Wave::waveId));
    List<EstimateRow> out = new ArrayList<>();
    Map<String, EstimateRow> previous = Map.of();
    String previousWave = null;
    for (Wave wave : waves) {
      List<EstimateRow> rows = wave(indicator, wave, byWave.get(wave), previous, previousWave);
      Map<String, EstimateRow> now = new HashMap<>();
      rows.forEach(r -> now.put(changeKey(r), r));
      previous = now;
      previousWave = wave.waveId();
      out.addAll(rows);
    }
    return out;
  }

  /** A wave's published table: its cells, sums and relations, and the options it reports. */
  public record Table(WaveTable cells, List<String> options) {}

  /** The table of one wave's answers (answers its question does not allow are left out). */
  public Table table(Wave wave, List<Answer> answers) {
    TreeSet<String> seen = new TreeSet<>();
    List<WaveTable.Response> responses = new ArrayList<>();
    // Spark hands a group's rows over in no fixed order: summed in one canonical order, the same
    // input gives the same bits, and the same cells are withheld
    List<Answer> ordered = new ArrayList<>(answers);
    ordered.sort(CANONICAL);
    for (Answer a : ordered) {
      if (a.answer() == null || a.answer().isBlank()) {
        continue; // no answer ("don't know") is no respondent of the question
      }
      String answer = a.answer().strip();
      Double x = null;
      if (wave.numeric()) {
        try {
          x = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
          continue; // the load quarantines these; an older lake may still hold one
        }
        if (!Double.isFinite(x)) {
          continue;
        }
      } else if (!wave.options().isEmpty() && !wave.options().contains(answer)) {
        continue;
      }
      seen.add(answer);
      responses.add(new WaveTable.Response(a, answer, x));
    }
    List<String> options = wave.numeric() ? List.of() : wave.options().isEmpty() ? List.copyOf(seen) : wave.options();
    return new Table(WaveTable.of(responses, geography, wave.newEra()), options);
  }

  /** Every cell's respondents as the primary rule counts them: a remainder none (always withheld). */
  static Map<Cell, Long> respondents(WaveTable table) {
    Map<Cell, Long> out = new HashMap<>();
    table.cells.forEach((c, s) -> out.put(c, c.placed() ? s.n : 0));
    return out;
  }

  /** The ranges left to the withheld cells {@code withheld} of a wave's table (withholds nothing more). */
  public TableRanges audit(Wave wave, Table table, Set<Cell> withheld) {
    return audit.ranges(table.cells(), withheld, table.options(), likert(wave), wave.numeric());
  }

  /** What both rounds of disclosure control withhold of a table, and the audit's outcome (null: not audited). */
  public record Control(Map<Cell, Suppression.Kind> withheld, DisclosureAudit.Outcome audit) {}

  /** Both rounds of disclosure control over a wave's table, as the load applies them. */
  public Control control(Wave wave, Table table) {
    WaveTable t = table.cells();
    Map<Cell, Long> respondents = respondents(t);
    Map<Cell, Suppression.Kind> withheld = suppression.withheld(respondents, t.relations);
    return new Control(withheld, audited
        ? audit.protect(t, withheld, respondents, table.options(), likert(wave), wave.numeric()) : null);
  }

  private static boolean likert(Wave wave) {
    return wave.type().equals("likert5");
  }

  private List<EstimateRow> wave(String indicator, Wave wave, List<Answer> answers,
      Map<String, EstimateRow> previous, String previousWave) {
    Table table = table(wave, answers);
    WaveTable t = table.cells();
    Control control = control(wave, table);
    if (control.audit() != null) {
      audits.accept(wave, control.audit());
    }
    Map<Cell, Suppression.Kind> withheld = control.withheld();
    List<String> options = table.options();
    List<EstimateRow> rows = new ArrayList<>();
    t.cells.forEach((cell, sums) -> {
      if (!cell.placed()) {
        return;
      }
      Suppression.Kind kind = withheld.get(cell);
      for (String boundaries : cell.boundaries().equals(WaveTable.BOTH) ? List.of(REPORTED, RESTATED)
          : List.of(cell.boundaries())) {
        if (wave.numeric()) {
          rows.add(row(indicator, wave, boundaries, cell, null, "mean", kind,
              kind != null ? null : estimator.mean(sums.n, sums.w, sums.w2, sums.wx, sums.wx2), previous, previousWave));
          continue;
        }
        for (String o : options) {
          rows.add(row(indicator, wave, boundaries, cell, o, "proportion", kind, kind != null ? null
              : estimator.proportion(sums.n, sums.w, sums.w2, sums.option(o)), previous, previousWave));
        }
        if (likert(wave) && options.size() >= 2) {
          double top = sums.option(options.get(options.size() - 1)) + sums.option(options.get(options.size() - 2));
          rows.add(row(indicator, wave, boundaries, cell, TOP2, "proportion", kind,
              kind != null ? null : estimator.proportion(sums.n, sums.w, sums.w2, top), previous, previousWave));
        }
      }
    });
    return rows;
  }

  private EstimateRow row(String indicator, Wave wave, String boundaries, Cell cell, String option,
      String statistic, Suppression.Kind kind, Estimate e, Map<String, EstimateRow> previous, String previousWave) {
    if (kind != null) {
      return new EstimateRow(indicator, wave, boundaries, cell.level(), cell.region(), cell.by(), cell.stratum(),
          option, statistic, null, null, null, null, null, null, null, true, false, kind.code(),
          previousWave, null, null, null, null);
    }
    double rse = e.rse();
    boolean unreliable = Double.isNaN(e.se()) || (!Double.isNaN(rse) && rse >= rules.maxRse());
    EstimateRow earlier = previous.get(changeKey(boundaries, cell, option));
    Estimator.Change change = earlier == null || earlier.suppressed() || earlier.se() == null || Double.isNaN(e.se())
        ? null : estimator.change(new Estimate(earlier.value(), earlier.se(), earlier.ciLow(), earlier.ciHigh(),
            earlier.n(), earlier.nEff()), e);
    return new EstimateRow(indicator, wave, boundaries, cell.level(), cell.region(), cell.by(), cell.stratum(),
        option, statistic, e.value(), finite(e.se()), finite(e.ciLow()), finite(e.ciHigh()), e.n(), e.nEff(),
        finite(rse), false, unreliable, null, previousWave,
        change == null ? null : change.difference(), change == null ? null : finite(change.se()),
        change == null ? null : finite(change.z()), change == null ? null : finite(change.p()));
  }

  // by hand, not a chain of comparators: the sort was 9 % of the estimates' stage at scale 20
  private static int canonical(Answer a, Answer b) {
    int c = a.regionCode().compareTo(b.regionCode());
    if (c == 0) {
      c = text(a.ageGroup(), b.ageGroup());
    }
    if (c == 0) {
      c = text(a.sex(), b.sex());
    }
    if (c == 0) {
      c = text(a.residence(), b.residence());
    }
    if (c == 0) {
      c = Double.compare(a.weight(), b.weight());
    }
    return c != 0 ? c : text(a.answer(), b.answer());
  }

  /** Nulls first; the same text (often the same string, shared by the group's rows) without a look. */
  private static int text(String a, String b) {
    if (a == b) {
      return 0;
    }
    return a == null ? -1 : b == null ? 1 : a.compareTo(b);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String changeKey(EstimateRow r) {
    return String.join("|", r.boundaries(), r.level(), r.regionCode(), r.by().code(),
        String.valueOf(r.stratum()), String.valueOf(r.option()));
  }

  private static String changeKey(String boundaries, Cell c, String option) {
    return String.join("|", boundaries, c.level(), c.region(), c.by().code(), String.valueOf(c.stratum()),
        String.valueOf(option));
  }
}
