package vn.danvan.etl.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.etl.survey.Suppression.Kind;
import vn.danvan.etl.survey.WaveTable.Cell;

/**
 * The second round of disclosure control (docs/surveys.md): attacks one question and wave's
 * published table the way an intruder would, and withholds more until every withheld cell keeps a
 * range of at least the protection level.
 *
 * <p>The table is audited once per additive measure (respondents, weighted respondents, the
 * weighted count of each option, the top-2-box, the weighted sum of a numeric answer): in each,
 * every relation of {@link WaveTable} holds, shown cells are known and withheld ones are unknowns
 * ≥ 0. A withheld cell of value v is protected when its smallest and largest value consistent with
 * everything shown lie at least {@code protection · v} apart. {@link TableRanges} finds that
 * range: first a cheap proof (a swap of mass between withheld cells), else by linear programming.
 * An under-protected cell makes the shown cell with the fewest respondents among its relations
 * withheld too; the single-relation rule is applied again, and the table audited again.
 */
public final class DisclosureAudit {
  private final double protection;
  private final Suppression<Cell> suppression;

  /**
   * @param protection the share of a withheld cell's own value its range must at least span, in
   *     (0, 1]
   */
  public DisclosureAudit(double protection, Suppression<Cell> suppression) {
    if (!(protection > 0 && protection <= 1)) {
      throw new IllegalArgumentException("protection level must be in (0, 1], not " + protection);
    }
    this.protection = protection;
    this.suppression = Objects.requireNonNull(suppression, "suppression");
  }

  /** What the audit of one table found. */
  public record Outcome(int cells, int firstRound, int secondRound, double narrowest, int linearPrograms) {}

  /** The audit failed: no more cells could be withheld to protect {@code cell}. */
  public static final class AuditFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AuditFailure(String message) {
      super(message);
    }
  }

  /**
   * Withholds more cells of {@code table} (added to {@code withheld} as {@link Kind#AUDIT}, their
   * complements as {@link Kind#SECONDARY}) until every withheld cell is protected.
   *
   * @param withheld the first round's cells; added to
   * @param respondents every cell's respondents (0 for a remainder, which is always withheld)
   */
  public Outcome protect(WaveTable table, Map<Cell, Kind> withheld, Map<Cell, Long> respondents,
      List<String> options, boolean top2, boolean numeric) {
    int first = withheld.size();
    Comparator<Cell> fewest = Comparator.<Cell>comparingLong(respondents::get).thenComparing(Cell.ORDER);
    double narrowest = Double.NaN;
    int programs = 0;
    TableRanges ranges = new TableRanges(table, withheld.keySet(), suppression.minRespondents(),
        measures(table, options, top2, numeric));
    Suppression<Cell>.Closer closer = suppression.closer(respondents, table.relations);
    for (int round = 0; ; round++) {
      if (round > 0) {
        ranges.withhold(withheld.keySet());
      }
      List<Integer> weak = ranges.underProtected(protection);
      programs += ranges.linearPrograms();
      // a range proven in an earlier round can only have widened since
      narrowest = Double.isNaN(narrowest) ? ranges.narrowest() : Double.isNaN(ranges.narrowest()) ? narrowest
          : Math.min(narrowest, ranges.narrowest());
      if (weak.isEmpty()) {
        return new Outcome(table.cells.size(), first, withheld.size() - first, narrowest, programs);
      }
      if (round > table.cells.size()) {
        throw new AuditFailure("the disclosure audit did not converge after " + round + " rounds");
      }
      for (int c : weak) {
        Cell pick = ranges.shownNeighbours(c).stream().min(fewest).orElseThrow(() -> new AuditFailure(
            "withheld cell " + ranges.cell(c) + " keeps a range below the protection level " + protection
                + " and no shown cell is related to it"));
        withheld.putIfAbsent(pick, Kind.AUDIT);
      }
      closer.close(withheld);
    }
  }

  /** Audits without withholding more (what the published mart holds). */
  public TableRanges ranges(WaveTable table, java.util.Set<Cell> withheld, List<String> options, boolean top2,
      boolean numeric) {
    return new TableRanges(table, withheld, suppression.minRespondents(), measures(table, options, top2, numeric));
  }

  /** The additive measures of the table: name → the measure of a cell's (or an atom's) sums. */
  static Map<String, java.util.function.ToDoubleFunction<WaveTable.Sums>> measures(WaveTable table,
      List<String> options, boolean top2, boolean numeric) {
    Map<String, java.util.function.ToDoubleFunction<WaveTable.Sums>> out = new java.util.LinkedHashMap<>();
    out.put("respondents", s -> s.n);
    out.put("weighted", s -> s.w);
    if (numeric) {
      // an intruder bounds a weighted sum below only when answers cannot be negative
      if (table.cells.values().stream().allMatch(s -> s.wx >= 0)) {
        out.put("sum", s -> s.wx);
      }
      return out;
    }
    // one list for every measure: each cell's weighted counts by option are looked up once
    List<String> order = options.stream().distinct().toList();
    for (int k = 0; k < order.size(); k++) {
      int option = k;
      out.put("option:" + order.get(k), s -> s.byOption(order)[option]);
    }
    if (top2 && options.size() >= 2) {
      int a = order.indexOf(options.get(options.size() - 2));
      int b = order.indexOf(options.get(options.size() - 1));
      out.put(SeriesEstimates.TOP2, s -> s.byOption(order)[a] + s.byOption(order)[b]);
    }
    return out;
  }

  /** In {@link Cell#ORDER}. */
  static List<Cell> sorted(java.util.Collection<Cell> cells) {
    List<Cell> out = new ArrayList<>(cells);
    out.sort(Cell.ORDER);
    return out;
  }
}
