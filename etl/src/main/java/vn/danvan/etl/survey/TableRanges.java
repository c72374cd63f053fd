package vn.danvan.etl.survey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import vn.danvan.contract.Stratum;
import vn.danvan.etl.survey.WaveTable.Cell;
import vn.danvan.etl.survey.WaveTable.Unit;

/**
 * How far an intruder can narrow each withheld cell of one table, per additive measure. A range
 * is first bounded below without linear programming, by a swap an intruder cannot rule out:
 * <ul>
 *   <li>a stratum cell (unit u, value v) and a sibling unit u2 with another value v' of the same
 *       dimension: mass moved from (u, v) to (u, v') and from (u2, v') to (u2, v) leaves every total
 *       and every stratum sum above the two units unchanged;
 *   <li>a total cell: all of u's respondents moved to a sibling u2, or all of u2's to u.
 * </ul>
 * A swap is allowed when every cell it changes (in every tree, through the lineage too) exists and
 * is withheld. Where the swaps do not prove the protection level, the smallest and largest value
 * come from Commons Math's {@link SimplexSolver} over the cell's connected withheld cells; past
 * {@link #MAX_UNKNOWNS} unknowns the farther ones are fixed at their true value, which only narrows
 * the range (the result stays a lower bound: safe).
 */
public final class TableRanges {
  static final int MAX_UNKNOWNS = 40;
  private static final double TOLERANCE = 1e-9;

  private final List<Cell> cells;
  private final Map<Cell, Integer> index = new HashMap<>();
  private final boolean[] withheld;
  private final List<int[]> relations = new ArrayList<>();
  private final List<List<Integer>> relationsOf = new ArrayList<>();
  private final List<String> measures;
  private final double[][] values;
  private final List<WaveTable.Atom> atoms;
  private final double[][] atomValues;
  /** The atoms of each unit (by index into {@link #atoms}). */
  private final List<List<Integer>> atomsOf = new ArrayList<>();
  private BitSet[] atomPlace;
  private final int[] unitOf;
  private final List<Unit> units = new ArrayList<>();
  private final List<Map<String, Integer>> cellsOfUnit = new ArrayList<>();
  private final BitSet[] up;
  private final BitSet[] common;
  private final List<List<Integer>> siblings = new ArrayList<>();
  private int linearPrograms;
  private double narrowest = Double.POSITIVE_INFINITY;

  TableRanges(WaveTable table, Set<Cell> withheldCells,
      Map<String, java.util.function.ToDoubleFunction<WaveTable.Sums>> measureValues) {
    cells = DisclosureAudit.sorted(table.cells.keySet());
    withheld = new boolean[cells.size()];
    unitOf = new int[cells.size()];
    Map<Unit, Integer> unitIndex = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      index.put(c, i);
      withheld[i] = withheldCells.contains(c) || !c.placed();
      int u = unitIndex.computeIfAbsent(c.unit(), k -> {
        units.add(k);
        cellsOfUnit.add(new HashMap<>());
        return units.size() - 1;
      });
      unitOf[i] = u;
      cellsOfUnit.get(u).put(key(c.by(), c.stratum()), i);
      relationsOf.add(new ArrayList<>());
    }
    for (Suppression.Relation<Cell> r : table.relations) {
      LinkedHashSet<Integer> members = new LinkedHashSet<>();
      members.add(index.get(r.whole()));
      r.parts().forEach(p -> members.add(index.get(p)));
      int[] m = members.stream().mapToInt(Integer::intValue).toArray();
      for (int c : m) {
        relationsOf.get(c).add(relations.size());
      }
      relations.add(m);
    }
    measures = List.copyOf(measureValues.keySet());
    values = new double[measures.size()][cells.size()];
    List<WaveTable.Atom> atomList = new ArrayList<>(table.atoms.keySet());
    atomValues = new double[measures.size()][atomList.size()];
    for (int m = 0; m < measures.size(); m++) {
      java.util.function.ToDoubleFunction<WaveTable.Sums> f = measureValues.get(measures.get(m));
      for (int i = 0; i < cells.size(); i++) {
        values[m][i] = f.applyAsDouble(table.cells.get(cells.get(i)));
      }
      for (int i = 0; i < atomList.size(); i++) {
        atomValues[m][i] = f.applyAsDouble(table.atoms.get(atomList.get(i)));
      }
    }
    atoms = atomList;
    up = new BitSet[units.size()];
    common = new BitSet[units.size()];
    for (Set<Unit> place : table.places) {
      BitSet bits = new BitSet(units.size());
      place.forEach(u -> bits.set(unitIndex.get(u)));
      for (int u = bits.nextSetBit(0); u >= 0; u = bits.nextSetBit(u + 1)) {
        if (up[u] == null) {
          up[u] = (BitSet) bits.clone();
          common[u] = (BitSet) bits.clone();
        } else {
          up[u].or(bits);
          common[u].and(bits);
        }
      }
    }
    for (int u = 0; u < units.size(); u++) {
      atomsOf.add(new ArrayList<>());
    }
    atomPlace = new BitSet[atoms.size()];
    for (int i = 0; i < atoms.size(); i++) {
      atomPlace[i] = new BitSet(units.size());
      for (Unit unit : table.places.get(atoms.get(i).place())) {
        atomsOf.get(unitIndex.get(unit)).add(i);
        atomPlace[i].set(unitIndex.get(unit));
      }
    }
    Map<List<Object>, List<Integer>> byParent = new HashMap<>();
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      Unit parent = table.parent.get(unit);
      siblings.add(parent == null ? List.of() : byParent.computeIfAbsent(
          List.of(parent, unit.boundaries(), unit.level()), k -> new ArrayList<>()));
      if (parent != null) {
        siblings.get(u).add(u);
      }
    }
  }

  private static String key(Stratum by, String stratum) {
    return by.code() + "|" + stratum;
  }

  Cell cell(int i) {
    return cells.get(i);
  }

  int linearPrograms() {
    return linearPrograms;
  }

  /**
   * The narrowest range of the cells proven protected, as a share of the cell's value (a lower
   * bound); NaN when none was.
   */
  public double narrowest() {
    return narrowest == Double.POSITIVE_INFINITY ? Double.NaN : narrowest;
  }

  /** The withheld cells whose range, in some measure, is below {@code protection} × their value. */
  public List<Integer> underProtected(double protection) {
    return underProtected(protection, new HashSet<>());
  }

  /**
   * @param proven cells proven protected in an earlier round (withholding more only widens a
   *     range); the cells proven now are added
   */
  List<Integer> underProtected(double protection, Set<Cell> proven) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      if (!withheld[c] || proven.contains(cells.get(c))) {
        continue;
      }
      boolean weak = false;
      double cellNarrowest = Double.POSITIVE_INFINITY;
      Swaps swaps = null;
      for (int m = 0; m < measures.size(); m++) {
        double v = values[m][c];
        if (!(v > 0)) {
          continue; // nothing to protect: an option no respondent of the cell chose
        }
        double need = protection * v * (1 - TOLERANCE);
        if (swaps == null) {
          swaps = swaps(c);
        }
        double range = swaps.range(values[m], atomValues[m], v);
        if (range < need) {
          range = lpRange(m, c, v, need);
        }
        cellNarrowest = Math.min(cellNarrowest, range / v);
        if (range < need) {
          out.add(c);
          weak = true;
          break;
        }
      }
      if (!weak) {
        proven.add(cells.get(c));
        narrowest = Math.min(narrowest, cellNarrowest);
      }
    }
    return out;
  }

  /**
   * The shown cells nearest a withheld one in the relations (those it shares a relation with; else
   * those its withheld neighbours share one with; and so on): where more can be withheld.
   */
  List<Cell> shownNeighbours(int c) {
    Set<Integer> seen = new HashSet<>(List.of(c));
    List<Integer> frontier = List.of(c);
    while (!frontier.isEmpty()) {
      Set<Cell> shown = new LinkedHashSet<>();
      List<Integer> next = new ArrayList<>();
      for (int x : frontier) {
        for (int r : relationsOf.get(x)) {
          for (int m : relations.get(r)) {
            if (!withheld[m]) {
              shown.add(cells.get(m));
            } else if (seen.add(m)) {
              next.add(m);
            }
          }
        }
      }
      if (!shown.isEmpty()) {
        return List.copyOf(shown);
      }
      frontier = next;
    }
    return List.of();
  }

  /** The smallest and largest value of a withheld cell in one measure, by linear programming. */
  public double[] range(String measure, Cell cell) {
    return range(measures.indexOf(measure), index.get(cell), Integer.MAX_VALUE);
  }

  /** The LP range, the largest value first: when it alone leaves the range needed, one program is enough. */
  private double lpRange(int m, int c, double v, double need) {
    Program p = program(m, c, MAX_UNKNOWNS);
    double max = p.solve(GoalType.MAXIMIZE);
    if (max - v >= need) {
      return max - v;
    }
    double range = max - p.solve(GoalType.MINIMIZE);
    return Double.isNaN(range) ? 0 : range; // no answer from the solver: counted as no range at all
  }

  private double[] range(int m, int c, int maxUnknowns) {
    Program p = program(m, c, maxUnknowns);
    return new double[] {p.solve(GoalType.MINIMIZE), p.solve(GoalType.MAXIMIZE)};
  }

  /** One cell's linear program: its value as the objective, every relation of its unknowns a constraint. */
  private final class Program {
    final double[] objective;
    final List<LinearConstraint> exact = new ArrayList<>();
    final List<LinearConstraint> loose = new ArrayList<>();

    Program(int unknowns) {
      objective = new double[unknowns];
      objective[0] = 1;
    }

    /** Exact sums first; sums of doubles may miss by a rounding, so a program found infeasible is relaxed by it. */
    double solve(GoalType goal) {
      linearPrograms++;
      double v = TableRanges.solve(objective, exact, goal);
      return Double.isNaN(v) ? TableRanges.solve(objective, loose, goal) : v;
    }
  }

  private Program program(int m, int c, int maxUnknowns) {
    List<Integer> unknowns = new ArrayList<>();
    Map<Integer, Integer> column = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(c));
    column.put(c, 0);
    Set<Integer> touched = new HashSet<>();
    while (!queue.isEmpty()) {
      int x = queue.poll();
      unknowns.add(x);
      for (int r : relationsOf.get(x)) {
        touched.add(r);
        for (int y : relations.get(r)) {
          if (withheld[y] && !column.containsKey(y) && column.size() < maxUnknowns) {
            column.put(y, column.size());
            queue.add(y);
          }
        }
      }
    }
    Program program = new Program(unknowns.size());
    for (int r : touched.stream().sorted().toList()) {
      int[] members = relations.get(r);
      double[] coefficients = new double[unknowns.size()];
      double known = 0;
      double scale = 0;
      for (int k = 0; k < members.length; k++) {
        int y = members[k];
        double sign = k == 0 ? -1 : 1;
        scale += Math.abs(values[m][y]);
        Integer col = column.get(y);
        if (col != null) {
          coefficients[col] += sign;
        } else {
          known += sign * values[m][y];
        }
      }
      double slack = TOLERANCE * (scale + 1);
      program.exact.add(new LinearConstraint(coefficients, Relationship.EQ, -known));
      program.loose.add(new LinearConstraint(coefficients.clone(), Relationship.LEQ, -known + slack));
      program.loose.add(new LinearConstraint(coefficients.clone(), Relationship.GEQ, -known - slack));
    }
    return program;
  }

  private static double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    try {
      PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000),
          new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
          new NonNegativeConstraint(true));
      return p.getValue();
    } catch (UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
    } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
      return Double.NaN; // no answer: the range counts as none (the cell as unprotected)
    }
  }

  /** The swaps proven possible for one withheld cell (which cells they move mass between). */
  private Swaps swaps(int c) {
    Cell cell = cells.get(c);
    int u = unitOf[c];
    Swaps s = new Swaps(c);
    if (cell.by() != Stratum.TOTAL) {
      restratify(cell, u, s);
    }
    for (int u2 : siblings.get(u)) {
      if (u2 == u) {
        continue;
      }
      BitSet changed = (BitSet) up[u].clone();
      changed.or(up[u2]);
      BitSet both = (BitSet) common[u].clone();
      both.and(common[u2]);
      changed.andNot(both);
      if (cell.by() == Stratum.TOTAL) {
        movable(changed, u, s.out);
        movable(changed, u2, s.in);
        continue;
      }
      Integer u2v = cellsOfUnit.get(u2).get(key(cell.by(), cell.stratum()));
      for (Map.Entry<String, Integer> e : cellsOfUnit.get(u).entrySet()) {
        Cell other = cells.get(e.getValue());
        if (other.by() != cell.by() || other.stratum().equals(cell.stratum())) {
          continue;
        }
        Integer u2w = cellsOfUnit.get(u2).get(e.getKey());
        if (u2v != null && u2w != null && swappable(changed, cell.by(), cell.stratum(), other.stratum())) {
          s.swaps.add(new int[] {e.getValue(), u2v, u2w});
        }
      }
    }
    return s;
  }

  /**
   * Respondents of the unit whose stratum in the cell's dimension can change (from the cell's to
   * another, or back): every unit they are in has both strata cells, withheld. Totals and every
   * other dimension stay as they are.
   */
  private void restratify(Cell cell, int u, Swaps s) {
    Set<String> others = new HashSet<>();
    cellsOfUnit.get(u).forEach((k, i) -> {
      Cell o = cells.get(i);
      if (o.by() == cell.by() && !o.stratum().equals(cell.stratum()) && withheld[i]) {
        others.add(o.stratum());
      }
    });
    for (int a : atomsOf.get(u)) {
      WaveTable.Atom atom = atoms.get(a);
      String mine = atom.stratum(cell.by());
      boolean inCell = mine.equals(cell.stratum());
      if (!inCell && !others.contains(mine)) {
        continue;
      }
      for (String other : inCell ? others : Set.of(cell.stratum())) {
        if (swappable(atomPlace[a], cell.by(), mine, other)) {
          (inCell ? s.out : s.in).add(a);
          break;
        }
      }
    }
  }

  /** Whether every unit of {@code changed} has both strata cells, withheld. */
  private boolean swappable(BitSet changed, Stratum by, String v, String w) {
    for (int x = changed.nextSetBit(0); x >= 0; x = changed.nextSetBit(x + 1)) {
      Integer a = cellsOfUnit.get(x).get(key(by, v));
      Integer b = cellsOfUnit.get(x).get(key(by, w));
      if (a == null || b == null || !withheld[a] || !withheld[b]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The respondents of {@code u} that can move to the other unit of a pair: those whose stratum in
   * every dimension is withheld (and exists) in every unit the move changes, whose totals are all
   * withheld.
   */
  private void movable(BitSet changed, int u, Set<Integer> to) {
    for (int x = changed.nextSetBit(0); x >= 0; x = changed.nextSetBit(x + 1)) {
      Integer total = cellsOfUnit.get(x).get(key(Stratum.TOTAL, null));
      if (total == null || !withheld[total]) {
        return;
      }
    }
    for (int a : atomsOf.get(u)) {
      WaveTable.Atom atom = atoms.get(a);
      boolean ok = true;
      for (Stratum by : List.of(Stratum.AGE_GROUP, Stratum.SEX, Stratum.RESIDENCE)) {
        for (int x = changed.nextSetBit(0); ok && x >= 0; x = changed.nextSetBit(x + 1)) {
          Integer k = cellsOfUnit.get(x).get(key(by, atom.stratum(by)));
          ok = k != null && withheld[k];
        }
      }
      if (ok) {
        to.add(a);
      }
    }
  }

  /** The swaps of one cell: with another stratum and a sibling, or (a total) with a sibling's total. */
  private static final class Swaps {
    final int cell;
    /** {(u, v'), (u2, v), (u2, v')}. */
    final List<int[]> swaps = new ArrayList<>();
    /** A total's respondents (atoms) that can move out of it, and into it. */
    final Set<Integer> out = new HashSet<>();
    final Set<Integer> in = new HashSet<>();

    Swaps(int cell) {
      this.cell = cell;
    }

    /** A lower bound of the range: mass moved out of the cell, plus mass moved in. */
    double range(double[] value, double[] atomValue, double v) {
      double moved = 0;
      for (int a : this.out) {
        moved += atomValue[a];
      }
      for (int a : this.in) {
        moved += atomValue[a];
      }
      return Math.max(moved, pairs(value, v));
    }

    private double pairs(double[] value, double v) {
      double out = 0;
      Map<Integer, Double> inBy = new HashMap<>();
      Set<Integer> seenOut = new HashSet<>();
      for (int[] s : swaps) {
        if (seenOut.add(s[2])) {
          out += value[s[2]];
        }
        inBy.merge(s[0], value[s[1]], Double::sum);
      }
      // mass moved in from one other stratum at a time: two strata may lean on the same sibling cell
      double in = 0;
      for (Map.Entry<Integer, Double> e : inBy.entrySet()) {
        in = Math.max(in, Math.min(value[e.getKey()], e.getValue()));
      }
      return Math.min(v, out) + in;
    }
  }
}
