package vn.danvan.etl.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Stratum;

/**
 * The estimates of one indicator's series (its questions across waves): for every wave, every
 * region (the nation; provinces as reported; the 34 provinces of 2025) and every stratum of one
 * dimension, the weighted proportion of each option (and the top-2-box of likert5 questions) or the
 * weighted mean, with suppression already applied and the change from the series' previous wave.
 */
public final class SeriesEstimates {
  public static final String REPORTED = Boundaries.REPORTED.code();
  public static final String RESTATED = Boundaries.RESTATED_2025.code();
  public static final String NATION = "VN";
  public static final String TOP2 = "top2";
  /** The nation is the same cell in both boundary modes; it is decided once. */
  private static final String BOTH = "*";
  /**
   * The province of respondents whose region code leads to none (of its era's tree, or, restated,
   * of the 2025 provinces): never shown, always withheld, so that the nation minus the shown
   * provinces cannot reveal them.
   */
  static final String UNPLACED = "??";

  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Answer> CANONICAL = Comparator.comparing(Answer::regionCode)
      .thenComparing(Answer::ageGroup, TEXT).thenComparing(Answer::sex, TEXT)
      .thenComparing(Answer::residence, TEXT).thenComparingDouble(Answer::weight)
      .thenComparing(Answer::answer, TEXT);

  private final Geography geography;
  private final SurveyRules rules;
  private final Estimator estimator;

  public SeriesEstimates(Geography geography, SurveyRules rules) {
    this.geography = geography;
    this.rules = rules;
    this.estimator = new Estimator(rules.confidence());
  }

  /** A cell: respondents of one region and stratum. */
  record Cell(String boundaries, String level, String region, Stratum by, String stratum) {
    static final Comparator<Cell> ORDER = Comparator.comparing(Cell::toString);
  }

  /** The sums of one cell. */
  static final class Sums {
    long n;
    double w;
    double w2;
    double wx;
    double wx2;
    final Map<String, Double> byOption = new HashMap<>();
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

  private List<EstimateRow> wave(String indicator, Wave wave, List<Answer> answers,
      Map<String, EstimateRow> previous, String previousWave) {
    Map<Cell, Sums> cells = new LinkedHashMap<>();
    TreeSet<String> seen = new TreeSet<>();
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
      Optional<String> province = geography.province(a.regionCode(), wave.newEra());
      String reported = province.orElse(UNPLACED);
      String restated = province.flatMap(p -> geography.province2025(p, wave.newEra())).orElse(UNPLACED);
      for (Stratum by : Stratum.values()) {
        String s = a.stratum(by);
        add(cells, new Cell(BOTH, "nation", NATION, by, s), a, answer, x);
        add(cells, new Cell(REPORTED, "province", reported, by, s), a, answer, x);
        add(cells, new Cell(RESTATED, "province", restated, by, s), a, answer, x);
      }
    }
    Map<Cell, Long> respondents = new HashMap<>();
    cells.forEach((c, s) -> respondents.put(c, c.region().equals(UNPLACED) ? 0 : s.n));
    Map<Cell, Suppression.Kind> withheld = new Suppression<>(rules.minRespondents(), Cell.ORDER)
        .withheld(respondents, relations(cells.keySet(), wave.newEra()));
    List<String> options = wave.numeric() ? List.of() : wave.options().isEmpty() ? List.copyOf(seen) : wave.options();
    List<EstimateRow> rows = new ArrayList<>();
    cells.forEach((cell, sums) -> {
      if (cell.region().equals(UNPLACED)) {
        return;
      }
      for (String boundaries : cell.boundaries().equals(BOTH) ? List.of(REPORTED, RESTATED) : List.of(cell.boundaries())) {
        Suppression.Kind kind = withheld.get(cell);
        if (wave.numeric()) {
          rows.add(row(indicator, wave, boundaries, cell, null, "mean", kind,
              kind != null ? null : estimator.mean(sums.n, sums.w, sums.w2, sums.wx, sums.wx2), previous, previousWave));
          continue;
        }
        for (String o : options) {
          rows.add(row(indicator, wave, boundaries, cell, o, "proportion", kind, kind != null ? null
              : estimator.proportion(sums.n, sums.w, sums.w2, sums.byOption.getOrDefault(o, 0.0)), previous, previousWave));
        }
        if (wave.type().equals("likert5") && options.size() >= 2) {
          double top = sums.byOption.getOrDefault(options.get(options.size() - 1), 0.0)
              + sums.byOption.getOrDefault(options.get(options.size() - 2), 0.0);
          rows.add(row(indicator, wave, boundaries, cell, TOP2, "proportion", kind,
              kind != null ? null : estimator.proportion(sums.n, sums.w, sums.w2, top), previous, previousWave));
        }
      }
    });
    return rows;
  }

  private static void add(Map<Cell, Sums> cells, Cell cell, Answer a, String answer, Double x) {
    Sums s = cells.computeIfAbsent(cell, c -> new Sums());
    double w = a.weight();
    s.n++;
    s.w += w;
    s.w2 += w * w;
    if (x != null) {
      s.wx += w * x;
      s.wx2 += w * x * x;
    } else {
      s.byOption.merge(answer, w, Double::sum);
    }
  }

  /**
   * The sums a reader could subtract: a region's strata add up to its total; the provinces of a
   * mode to the nation (per stratum); the old provinces of a wave under the old units to the 2025
   * province they merged into (under the new units, a province as reported and restated is one and
   * the same group of respondents, a relation of one part).
   */
  List<Suppression.Relation<Cell>> relations(Iterable<Cell> cells, boolean newEra) {
    Map<String, Cell> wholes = new TreeMap<>(); // relations in a fixed order: a fixed result
    Map<String, List<Cell>> parts = new HashMap<>();
    for (Cell c : cells) {
      if (c.by() != Stratum.TOTAL) {
        relate(wholes, parts, "strata|" + c.by(), new Cell(c.boundaries(), c.level(), c.region(), Stratum.TOTAL, null), c);
      }
      if (c.level().equals("province")) {
        // the nation is the whole of each mode's provinces separately
        relate(wholes, parts, "provinces|" + c.boundaries(), new Cell(BOTH, "nation", NATION, c.by(), c.stratum()), c);
      }
      if (c.boundaries().equals(REPORTED)) {
        String region = c.region();
        geography.province2025(region, newEra).ifPresent(p -> relate(wholes, parts, "lineage",
            new Cell(RESTATED, "province", p, c.by(), c.stratum()), c));
      }
    }
    List<Suppression.Relation<Cell>> out = new ArrayList<>();
    wholes.forEach((key, whole) -> out.add(new Suppression.Relation<>(whole, parts.get(key))));
    return out;
  }

  private static void relate(Map<String, Cell> wholes, Map<String, List<Cell>> parts, String kind, Cell whole,
      Cell part) {
    String key = kind + "|" + whole;
    wholes.putIfAbsent(key, whole);
    parts.computeIfAbsent(key, k -> new ArrayList<>()).add(part);
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
