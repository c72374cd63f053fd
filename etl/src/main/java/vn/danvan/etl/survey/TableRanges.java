package vn.danvan.etl.survey;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * How far an intruder can narrow each sensitive withheld cell of one table (fewer respondents than
 * the minimum), per additive measure. A range is first bounded below without linear programming,
 * by moves an intruder cannot rule out:
 * <ul>
 *   <li>a stratum cell (unit u, value v) and a sibling unit u2 with another value v' of the same
 *       dimension: mass moved from (u, v) to (u, v') and from (u2, v') to (u2, v) leaves every total
 *       and every stratum sum above the two units unchanged;
 *   <li>a stratum cell's respondents moved to another stratum of u, or to a sibling unit (and a
 *       sibling's respondents of that stratum moved to u);
 *   <li>a total cell: all of u's respondents moved to a sibling u2, or all of u2's to u.
 * </ul>
 * A move is allowed when every cell it changes (in every tree, through the lineage too) exists and
 * is withheld. A cell whose component of withheld cells reaches no shown cell ranges over [0, ∞):
 * its relations are homogeneous. Bound propagation over the whole table gives an upper bound of
 * each range: a cell it leaves below the protection level is under-protected, and nothing more is
 * tried. Where neither settles it, the smallest and largest value come from Commons Math's {@link
 * SimplexSolver} over the cell's nearest {@link #MAX_COMPONENT} withheld cells; the farther ones are
 * fixed at their true value, which only narrows the range (each result is a lower bound: safe).
 */
public final class TableRanges {
  /**
   * The unknowns of a cell's program (a stratum cell's: of its own dimension only): the nation's
   * strata over every province and its lineage.
   */
  static final int MAX_COMPONENT = 200;
  private static final double TOLERANCE = 1e-9;

  private final List<Cell> cells;
  private final Map<Cell, Integer> index = new HashMap<>();
  private final boolean[] withheld;
  /**
   * The cells whose range must be proven: those with fewer respondents than the minimum (withheld
   * by the primary rule, or a remainder that small). The other withheld cells are withheld to
   * protect them and have nothing of their own to protect: the primary rule would have shown them.
   */
  private final boolean[] sensitive;
  private final long[] respondents;
  private final int minRespondents;
  private final List<int[]> relations = new ArrayList<>();
  /** The relations each cell is a member of. */
  private final int[][] relationsOf;
  private final List<String> measures;
  private final double[][] values;
  private final List<WaveTable.Atom> atoms;
  private final double[][] atomValues;
  /** The atoms of each unit (by index into {@link #atoms}). */
  private final List<List<Integer>> atomsOf = new ArrayList<>();
  private final BitSet[] atomPlace;
  private final int[] unitOf;
  private final List<Unit> units = new ArrayList<>();
  /** A number for each (dimension, stratum) of the table: what {@link #cellAt} is indexed by. */
  private final Map<String, Integer> strata = new HashMap<>();
  /** Each cell's (dimension, stratum) number. */
  private final int[] strataOf;
  /** The cell of each unit and (dimension, stratum) number; -1 for none. */
  private final int[][] cellAt;
  /** Each atom's (dimension, stratum) number in the age, sex and residence dimensions. */
  private final int[][] atomStrata;
  private final int totalStratum;
  private final BitSet[] up;
  private final BitSet[] common;
  private final List<List<Integer>> siblings = new ArrayList<>();
  /**
   * The feasible directions each program found, by every cell they move (kept across rounds: a
   * direction moves withheld cells only, and withholding more cannot make it infeasible).
   */
  private final List<List<Direction>> directionsOf = new ArrayList<>();
  private int linearPrograms;
  private double narrowest = Double.POSITIVE_INFINITY;
  /**
   * Per measure, the bounds every value consistent with what is shown lies within ({@link
   * #outerBounds}): {lowest, highest} by cell; null until a cell of this round needs them.
   */
  private double[][][] outer;
  /** The cells proven protected: withholding more in a later round only widens their ranges. */
  private final boolean[] proven;

  TableRanges(WaveTable table, Set<Cell> withheldCells, int minRespondents,
      Map<String, java.util.function.ToDoubleFunction<WaveTable.Sums>> measureValues) {
    // in small steps: a constructor of many loops is compiled whole once per hot loop (on-stack
    // replacement), which on a load's cold JVM cost seconds of a core
    cells = DisclosureAudit.sorted(table.cells.keySet());
    int n = cells.size();
    withheld = new boolean[n];
    proven = new boolean[n];
    sensitive = new boolean[n];
    respondents = new long[n];
    this.minRespondents = minRespondents;
    unitOf = new int[n];
    strataOf = new int[n];
    Map<Unit, Integer> unitIndex = new HashMap<>();
    WaveTable.Sums[] cellSums = indexCells(table, unitIndex);
    relationsOf = indexRelations(table);
    withhold(withheldCells);
    measures = List.copyOf(measureValues.keySet());
    List<WaveTable.Atom> atomList = new ArrayList<>(table.atoms.size());
    List<WaveTable.Sums> atomSums = new ArrayList<>(table.atoms.size());
    table.atoms.forEach((a, sums) -> {
      atomList.add(a);
      atomSums.add(sums);
    });
    atoms = atomList;
    values = measured(measureValues, Arrays.asList(cellSums));
    atomValues = measured(measureValues, atomSums);
    atomStrata = atomStrata();
    up = new BitSet[units.size()];
    common = new BitSet[units.size()];
    places(table, unitIndex);
    cellAt = cellAt();
    totalStratum = strata.getOrDefault(key(Stratum.TOTAL, null), -1);
    atomPlace = atomPlaces(table, unitIndex);
    siblings(table);
  }

  /** Numbers the cells, their units and their strata; each cell's sums. */
  private WaveTable.Sums[] indexCells(WaveTable table, Map<Unit, Integer> unitIndex) {
    WaveTable.Sums[] cellSums = new WaveTable.Sums[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      index.put(c, i);
      cellSums[i] = table.cells.get(c);
      respondents[i] = cellSums[i].n;
      int u = unitIndex.computeIfAbsent(c.unit(), k -> {
        units.add(k);
        return units.size() - 1;
      });
      unitOf[i] = u;
      strataOf[i] = strata.computeIfAbsent(key(c.by(), c.stratum()), k -> strata.size());
      directionsOf.add(new ArrayList<>());
    }
    return cellSums;
  }

  /** Fills {@link #relations}; returns the relations each cell is a member of. */
  private int[][] indexRelations(WaveTable table) {
    int[] memberships = new int[cells.size()];
    for (Suppression.Relation<Cell> r : table.relations) {
      // the whole, then the parts, each once
      int[] m = new int[r.parts().size() + 1];
      int size = 0;
      m[size++] = index.get(r.whole());
      for (Cell p : r.parts()) {
        int c = index.get(p);
        boolean seen = false;
        for (int k = 0; k < size && !seen; k++) {
          seen = m[k] == c;
        }
        if (!seen) {
          m[size++] = c;
        }
      }
      m = Arrays.copyOf(m, size);
      for (int c : m) {
        memberships[c]++;
      }
      relations.add(m);
    }
    int[][] of = new int[cells.size()][];
    for (int c = 0; c < cells.size(); c++) {
      of[c] = new int[memberships[c]];
      memberships[c] = 0;
    }
    for (int r = 0; r < relations.size(); r++) {
      for (int c : relations.get(r)) {
        of[c][memberships[c]++] = r;
      }
    }
    return of;
  }

  /** Each measure ({@link #measures}) of each of {@code sums}. */
  private double[][] measured(Map<String, java.util.function.ToDoubleFunction<WaveTable.Sums>> measureValues,
      List<WaveTable.Sums> sums) {
    double[][] out = new double[measures.size()][sums.size()];
    for (int m = 0; m < measures.size(); m++) {
      java.util.function.ToDoubleFunction<WaveTable.Sums> f = measureValues.get(measures.get(m));
      for (int i = 0; i < sums.size(); i++) {
        out[m][i] = f.applyAsDouble(sums.get(i));
      }
    }
    return out;
  }

  /** Each atom's (dimension, stratum) number in the age, sex and residence dimensions. */
  private int[][] atomStrata() {
    int[][] out = new int[atoms.size()][];
    List<Map<String, Integer>> strataIn = new ArrayList<>(); // by dimension: a stratum's number
    DIMENSIONS.forEach(d -> strataIn.add(new HashMap<>()));
    for (int i = 0; i < atoms.size(); i++) {
      WaveTable.Atom a = atoms.get(i);
      out[i] = new int[DIMENSIONS.size()];
      for (int d = 0; d < DIMENSIONS.size(); d++) {
        Stratum by = DIMENSIONS.get(d);
        out[i][d] = strataIn.get(d).computeIfAbsent(a.stratum(by), v -> strata.getOrDefault(key(by, v), -1));
      }
    }
    return out;
  }

  /** Fills {@link #up} and {@link #common} from the respondents' places. */
  private void places(WaveTable table, Map<Unit, Integer> unitIndex) {
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
  }

  /** The cell of each unit and (dimension, stratum) number; -1 for none. */
  private int[][] cellAt() {
    int[][] out = new int[units.size()][strata.size()];
    for (int[] row : out) {
      Arrays.fill(row, -1);
    }
    for (int i = 0; i < cells.size(); i++) {
      out[unitOf[i]][strataOf[i]] = i;
    }
    return out;
  }

  /** Fills {@link #atomsOf}; returns each atom's units. */
  private BitSet[] atomPlaces(WaveTable table, Map<Unit, Integer> unitIndex) {
    for (int u = 0; u < units.size(); u++) {
      atomsOf.add(new ArrayList<>());
    }
    BitSet[] out = new BitSet[atoms.size()];
    for (int i = 0; i < atoms.size(); i++) {
      out[i] = new BitSet(units.size());
      for (Unit unit : table.places.get(atoms.get(i).place())) {
        atomsOf.get(unitIndex.get(unit)).add(i);
        out[i].set(unitIndex.get(unit));
      }
    }
    return out;
  }

  /** Fills {@link #siblings}: the units of each unit's parent, boundaries and level (itself included). */
  private void siblings(WaveTable table) {
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

  /**
   * Makes {@code withheldCells} (and every remainder) the withheld cells, for another round of the
   * audit: what depends on the table alone is computed once.
   */
  void withhold(Set<Cell> withheldCells) {
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      withheld[i] = withheldCells.contains(c) || !c.placed();
      sensitive[i] = withheld[i] && respondents[i] < minRespondents;
    }
    linearPrograms = 0;
    narrowest = Double.POSITIVE_INFINITY;
    outer = null;
    withheldMembers = null;
  }

  private static final List<Stratum> DIMENSIONS = List.of(Stratum.AGE_GROUP, Stratum.SEX, Stratum.RESIDENCE);

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

  /**
   * The sensitive cells whose range, in some measure, is below {@code protection} × their value;
   * those proven protected in an earlier round (of {@link #withhold}) are not looked at again.
   */
  public List<Integer> underProtected(double protection) {
    List<Integer> weak = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      if (sensitive[c] && !proven[c] && !protect(c, protection, true)) {
        weak.add(c);
      }
    }
    // the directions the later cells' programs found may prove an earlier cell the programs over
    // its own nearest cells could not
    List<Integer> out = new ArrayList<>();
    for (int c : weak) {
      if (!protect(c, protection, false)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Whether cell {@code c} keeps the protection level in every measure (then marked proven).
   *
   * @param solve whether linear programs may run, or only the moves and the directions kept
   */
  private boolean protect(int c, double protection, boolean solve) {
    double[] need = new double[measures.size()];
    for (int m = 0; m < measures.size(); m++) {
      double v = values[m][c];
      // nothing to protect where v = 0: an option no respondent of the cell chose
      need[m] = v > 0 ? protection * v * (1 - TOLERANCE) : 0;
      if (need[m] > 0 && outerRange(m, c) < need[m]) {
        return false; // no values consistent with the shown cells lie farther apart: certainly under
      }
    }
    Swaps swaps = swaps(c, need);
    double cellNarrowest = Double.POSITIVE_INFINITY;
    for (int m = 0; m < measures.size(); m++) {
      if (!(need[m] > 0)) {
        continue;
      }
      double v = values[m][c];
      double range = swaps.range(values[m], atomValues[m], v);
      if (range < need[m]) {
        range = Math.max(range, directionRange(values[m], c));
      }
      if (range < need[m] && solve) {
        range = Math.max(range, lpRange(m, c, v, need[m]));
      }
      cellNarrowest = Math.min(cellNarrowest, range / v);
      if (range < need[m]) {
        return false;
      }
      if (range > outerRange(m, c) * (1 + HOMOGENEOUS) + TOLERANCE) {
        // a lower bound above an upper bound: a proof that does not hold
        throw new IllegalStateException("the disclosure audit proved a range of " + range + " for "
            + cells.get(c) + " in " + measures.get(m) + ", wider than any consistent with the shown cells ("
            + outerRange(m, c) + ")");
      }
    }
    proven[c] = true;
    narrowest = Math.min(narrowest, cellNarrowest);
    return true;
  }

  /** The bounds of a withheld cell's values consistent with the shown cells, in one measure ({@link #outerBounds}). */
  double[] bounds(String measure, Cell cell) {
    int m = measures.indexOf(measure);
    int c = index.get(cell);
    outerRange(m, c);
    return new double[] {outer[m][0][c], outer[m][1][c]};
  }

  private double outerRange(int m, int c) {
    if (outer == null) {
      outer = new double[measures.size()][][];
    }
    if (outer[m] == null) {
      outer[m] = outerBounds(values[m]);
    }
    return outer[m][1][c] - outer[m][0][c];
  }

  /**
   * Bounds every value of a withheld cell consistent with the shown cells lies within, in one
   * measure: an upper bound of its range, where the moves, the directions and the programs give
   * lower bounds. Each relation bounds each of its withheld cells by what its other withheld cells
   * can at most and at least add up to, starting from [0, ∞), until no bound tightens (bound
   * propagation, as a presolve does). A cell whose bounds lie less than the protection level apart
   * is under-protected whatever a program would find, and no program runs for it. The relations'
   * sums are those of the true values, so the bounds hold for the same points the programs range
   * over; each is widened by a rounding.
   */
  private double[][] outerBounds(double[] x) {
    int n = cells.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = withheld[i] ? 0 : x[i];
      hi[i] = withheld[i] ? Double.POSITIVE_INFINITY : x[i];
    }
    int[][] unknown = withheldMembers();
    int size = relations.size();
    double[] b = new double[size]; // the withheld members' signed sum at the true values: what every solution keeps
    double[] scale = new double[size];
    relationSums(x, unknown, b, scale);
    propagate(unknown, b, scale, lo, hi);
    return new double[][] {lo, hi};
  }

  /** Each relation's withheld members' signed sum at the true values {@code x}, and its scale. */
  private void relationSums(double[] x, int[][] unknown, double[] b, double[] scale) {
    for (int r = 0; r < relations.size(); r++) {
      int[] members = relations.get(r);
      double sr = 1;
      for (int y : members) {
        sr += Math.abs(x[y]);
      }
      scale[r] = sr;
      double br = 0;
      for (int k = 0; k < unknown[r].length; k++) {
        br += (k == 0 && wholeWithheld(unknown[r], members) ? -1 : 1) * x[unknown[r][k]];
      }
      b[r] = br;
    }
  }

  /** Tightens {@code lo} and {@code hi} relation by relation, until no bound tightens (or a budget of passes). */
  private void propagate(int[][] unknown, double[] b, double[] scale, double[] lo, double[] hi) {
    int size = relations.size();
    int[] queue = new int[size]; // a ring: each relation is in it at most once
    boolean[] queued = new boolean[size];
    int waiting = 0;
    int widest = 0;
    for (int r = 0; r < size; r++) {
      if (unknown[r].length > 0) {
        queue[waiting++] = r;
        queued[r] = true;
        widest = Math.max(widest, unknown[r].length);
      }
    }
    int head = 0;
    double[] low = new double[widest];
    double[] high = new double[widest];
    long budget = 50L * size;
    while (waiting > 0 && budget-- > 0) {
      int r = queue[head];
      head = (head + 1) % size;
      waiting--;
      queued[r] = false;
      int[] members = unknown[r];
      boolean whole = wholeWithheld(members, relations.get(r)); // then it comes first, with sign -1
      double minSum = 0;
      double maxSum = 0;
      int minInf = 0;
      int maxInf = 0;
      for (int k = 0; k < members.length; k++) {
        int y = members[k];
        if (k > 0 || !whole) {
          minSum += lo[y];
          if (hi[y] == Double.POSITIVE_INFINITY) {
            maxInf++;
          } else {
            maxSum += hi[y];
          }
        } else {
          maxSum -= lo[y];
          if (hi[y] == Double.POSITIVE_INFINITY) {
            minInf++;
          } else {
            minSum -= hi[y];
          }
        }
      }
      double slack = 1e-9 * scale[r];
      double step = 1e-6 * scale[r]; // a smaller tightening is not worth another pass
      double br = b[r];
      for (int k = 0; k < members.length; k++) {
        int y = members[k];
        boolean yInf = hi[y] == Double.POSITIVE_INFINITY;
        // the other withheld members' signed sum lies in [restMin, restMax]; s·y = b - that sum
        if (k > 0 || !whole) {
          double restMin = minInf > 0 ? Double.NEGATIVE_INFINITY : minSum - lo[y];
          double restMax = maxInf - (yInf ? 1 : 0) > 0 ? Double.POSITIVE_INFINITY : maxSum - (yInf ? 0 : hi[y]);
          low[k] = br - restMax - slack;
          high[k] = br - restMin + slack;
        } else {
          double restMin = minInf - (yInf ? 1 : 0) > 0 ? Double.NEGATIVE_INFINITY : minSum + (yInf ? 0 : hi[y]);
          double restMax = maxInf > 0 ? Double.POSITIVE_INFINITY : maxSum + lo[y];
          low[k] = restMin - br - slack;
          high[k] = restMax - br + slack;
        }
      }
      for (int k = 0; k < members.length; k++) {
        int y = members[k];
        boolean tightened = false;
        if (low[k] > lo[y] + step) {
          lo[y] = low[k];
          tightened = true;
        }
        if (high[k] < hi[y] - step) {
          hi[y] = high[k];
          tightened = true;
        }
        if (tightened) {
          for (int r2 : relationsOf[y]) {
            if (r2 != r && !queued[r2]) {
              queue[(head + waiting++) % size] = r2;
              queued[r2] = true;
            }
          }
        }
      }
    }
  }

  /** Per relation, its withheld members in order (the whole first, when withheld); this round's, made on first use. */
  private int[][] withheldMembers;

  private int[][] withheldMembers() {
    if (withheldMembers == null) {
      withheldMembers = new int[relations.size()][];
      for (int r = 0; r < relations.size(); r++) {
        withheldMembers[r] = Arrays.stream(relations.get(r)).filter(y -> withheld[y]).toArray();
      }
    }
    return withheldMembers;
  }

  /** Whether a relation's whole (its first member) is among its withheld members (then their first). */
  private static boolean wholeWithheld(int[] withheldMembers, int[] members) {
    return withheldMembers.length > 0 && withheldMembers[0] == members[0];
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
        for (int r : relationsOf[x]) {
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

  /**
   * The LP range, the largest value first: when it alone leaves the range needed, one solve is
   * enough. The program is over up to {@link #MAX_COMPONENT} withheld cells nearest the cell (a
   * stratum cell: of its own dimension, the totals and other dimensions fixed at their true values).
   * It fixes some cells at their true values or none, so it gives a lower bound of the range. (A
   * first program over the nearest 40 cells proved 2 of the 1,386 cells on the scale-1 demo lake
   * that reached a program: the other 1,384 went on to this one.)
   */
  private double lpRange(int m, int c, double v, double need) {
    if (shownNeighbours(c).isEmpty()) {
      // nothing shown in its relations or theirs: every relation of its component is homogeneous,
      // so the true values times any t >= 0 fit too, and the cell ranges over [0, infinity)
      return Double.POSITIVE_INFINITY;
    }
    return lpRange(program(m, c, MAX_COMPONENT, cells.get(c).by() != Stratum.TOTAL), v, need);
  }

  private double lpRange(Program p, double v, double need) {
    double max = p.solve(GoalType.MAXIMIZE);
    if (max - v >= need) {
      return max - v;
    }
    double range = max - p.solve(GoalType.MINIMIZE);
    return Double.isNaN(range) ? 0 : range; // no answer from the solver: counted as no range at all
  }

  private double[] range(int m, int c, int maxUnknowns) {
    Program p = program(m, c, maxUnknowns, false);
    return new double[] {p.solve(GoalType.MINIMIZE, false), p.solve(GoalType.MAXIMIZE, false)};
  }

  /**
   * A lower bound of a withheld cell's range from the directions found so far: x + t·d keeps every
   * relation for any t (d moves withheld cells only, and sums to zero in every relation), and stays
   * feasible while every cell it moves stays ≥ 0. The range is at least the largest rise plus the
   * largest fall of the cell over those directions. A direction found for one measure or cell
   * serves every other: only how far it can go depends on the values.
   */
  private double directionRange(double[] x, int c) {
    double up = 0;
    double down = 0;
    for (Direction d : directionsOf.get(c)) {
      double rise = Double.POSITIVE_INFINITY; // largest t with x + t·d >= 0
      double fall = Double.POSITIVE_INFINITY; // largest t with x - t·d >= 0
      double dc = 0;
      for (int k = 0; k < d.cells.length; k++) {
        double delta = d.delta[k];
        int i = d.cells[k];
        if (i == c) {
          dc = delta;
        }
        if (delta < 0) {
          rise = Math.min(rise, x[i] / -delta);
        } else {
          fall = Math.min(fall, x[i] / delta);
        }
      }
      double a = Math.abs(dc);
      up = Math.max(up, (dc > 0 ? rise : fall) * a);
      down = Math.max(down, (dc > 0 ? fall : rise) * a);
    }
    return up + down;
  }

  /** A change of withheld cells that keeps every relation: cells and their changes, none zero. */
  private record Direction(int[] cells, double[] delta) {}

  /**
   * Keeps {@code delta}, a change of the program's unknowns that keeps every relation, indexed by
   * every sensitive cell it moves; unless it is rounding: a direction is relied on scaled up to
   * wherever the first cell it lowers reaches 0, so one that does not sum to zero in each relation
   * of its cells, relative to its own size, would claim a range no solution has.
   */
  void keepDirection(int[] unknowns, double[] delta) {
    double largest = 0;
    for (double v : delta) {
      largest = Math.max(largest, Math.abs(v));
    }
    if (!(largest > 0)) {
      return;
    }
    // each moved cell's change, in a scratch by cell (zero elsewhere, and again on return)
    if (change == null) {
      change = new double[cells.size()];
    }
    int[] moved = new int[unknowns.length];
    int count = 0;
    for (int k = 0; k < unknowns.length; k++) {
      if (Math.abs(delta[k]) > largest * TOLERANCE) {
        change[unknowns[k]] = delta[k];
        moved[count++] = unknowns[k];
      }
    }
    moved = Arrays.copyOf(moved, count);
    Arrays.sort(moved);
    double[] deltas = new double[count];
    try {
      for (int k = 0; k < count; k++) {
        deltas[k] = change[moved[k]];
      }
      for (int i : moved) {
        for (int r : relationsOf[i]) {
          int[] members = relations.get(r);
          double sum = 0;
          for (int k = 0; k < members.length; k++) {
            sum += sign(k) * change[members[k]];
          }
          if (Math.abs(sum) > largest * HOMOGENEOUS) {
            return;
          }
        }
      }
    } finally {
      for (int i : moved) {
        change[i] = 0;
      }
    }
    Direction d = new Direction(moved, deltas);
    for (int i : moved) {
      if (sensitive[i]) {
        directionsOf.get(i).add(d);
      }
    }
  }

  /** Scratch of {@link #keepDirection}: a change by cell, zero outside one call. */
  private double[] change;

  /** The directions kept that move {@code cell}. */
  int directions(Cell cell) {
    return directionsOf.get(index.get(cell)).size();
  }

  int index(Cell cell) {
    return index.get(cell);
  }

  /** How far a kept direction may miss summing to zero in a relation, relative to its largest change. */
  static final double HOMOGENEOUS = 1e-6;

  /** A relation's member's sign in {@code Σ sign · value = 0}: its whole (the first member) −1, its parts +1. */
  private static double sign(int k) {
    return k == 0 ? -1 : 1;
  }

  /** One relation over a program's unknowns: Σ coefficient · unknown = rhs, met within ± slack. */
  private record Equation(int[] columns, double[] coefficients, double rhs, double slack) {}

  /**
   * One cell's linear program: its value as the objective, every relation of its unknowns a
   * constraint. Presolved as an intruder would read the table first: a relation left with one
   * unknown fixes it, and one left saying two unknowns are equal (a unit as reported and
   * restated, a province and the one old province it was) makes them one unknown; only what is
   * left goes to the simplex solver, whose tableau grows with the product of rows and columns.
   */
  private final class Program {
    /** The cell of each unknown; its measure's true values. */
    final int[] unknowns;
    final double[] x;
    /** Each unknown's representative, and the value a representative is fixed at (NaN: free). */
    private final int[] rep;
    private final double[] fixed;
    /** The solver's column of each free representative (-1 otherwise). */
    private final int[] column;
    private final double[] objective;
    /** The equations solved as they are: built only when the tableau solves them (see {@link #NULLSPACE}). */
    private List<LinearConstraint> exact;
    private List<LinearConstraint> loose;
    /** The equation of each of {@link #rows}. */
    private final List<Equation> rowEquations = new ArrayList<>();
    /** Each cell staying >= 0, over the null space: the same for the largest and the smallest value. */
    private List<LinearConstraint> nonNegative;
    private final List<double[]> rows = new ArrayList<>();
    private double[] xr;
    private double[][] basis;

    Program(int[] unknowns, double[] x, List<Equation> equations) {
      this.unknowns = unknowns;
      this.x = x;
      int n = this.unknowns.length;
      rep = new int[n];
      fixed = new double[n];
      for (int k = 0; k < n; k++) {
        rep[k] = k;
        fixed[k] = Double.NaN;
      }
      List<Equation> reduced = presolve(equations);
      column = new int[n];
      Arrays.fill(column, -1);
      int columns = 0;
      for (int k = 0; k < n; k++) {
        int r = find(k);
        if (Double.isNaN(fixed[r]) && column[r] < 0) {
          column[r] = columns++;
        }
      }
      objective = new double[columns];
      int target = column[find(0)];
      if (target >= 0) {
        objective[target] = 1;
      }
      Set<DoubleBuffer> seen = new HashSet<>(); // equal and hashed by content
      for (Equation e : reduced) {
        double[] coefficients = new double[columns];
        for (int k = 0; k < e.columns.length; k++) {
          coefficients[column[e.columns[k]]] += e.coefficients[k];
        }
        if (!seen.add(DoubleBuffer.wrap(coefficients))) {
          continue; // the same sum twice (once per boundary mode): one constraint
        }
        rows.add(coefficients);
        rowEquations.add(e);
      }
    }

    private void tableau() {
      if (exact != null) {
        return;
      }
      exact = new ArrayList<>();
      loose = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        double[] coefficients = rows.get(i);
        Equation e = rowEquations.get(i);
        exact.add(new LinearConstraint(coefficients, Relationship.EQ, e.rhs));
        loose.add(new LinearConstraint(coefficients.clone(), Relationship.LEQ, e.rhs + e.slack));
        loose.add(new LinearConstraint(coefficients.clone(), Relationship.GEQ, e.rhs - e.slack));
      }
    }

    /** The null space of the relations and each unknown staying >= 0 over it: the same for both goals. */
    private void nullSpaceProgram() {
      int columns = objective.length;
      xr = new double[columns];
      for (int k = 0; k < unknowns.length; k++) {
        int r = find(k);
        if (column[r] >= 0) {
          xr[column[r]] = x[unknowns[k]];
        }
      }
      basis = nullSpace(rows, columns);
      int dims = basis.length == 0 ? 0 : basis[0].length;
      // each unknown's row once: unknowns that move alike (the same row) keep the smallest bound only
      Map<DoubleBuffer, Integer> rowOf = new HashMap<>(); // equal and hashed by content
      List<double[]> rowsKept = new ArrayList<>();
      List<Double> bounds = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        double[] c = new double[dims];
        boolean any = false;
        for (int d = 0; d < dims; d++) {
          c[d] = -basis[i][d];
          any |= c[d] != 0;
        }
        if (any) {
          double bound = Math.max(0, xr[i]);
          Integer at = rowOf.putIfAbsent(DoubleBuffer.wrap(c), rowsKept.size());
          if (at == null) {
            rowsKept.add(c);
            bounds.add(bound);
          } else {
            bounds.set(at, Math.min(bounds.get(at), bound));
          }
        }
      }
      nonNegative = new ArrayList<>(rowsKept.size());
      for (int i = 0; i < rowsKept.size(); i++) {
        nonNegative.add(new LinearConstraint(rowsKept.get(i), Relationship.LEQ, bounds.get(i)));
      }
    }

    private double solveNull(GoalType goal) {
      if (basis == null) {
        nullSpaceProgram();
      }
      int target = column[find(0)];
      int dims = basis.length == 0 ? 0 : basis[0].length;
      double[] obj = basis[target];
      boolean moves = false;
      for (double v : obj) {
        moves |= Math.abs(v) > TOLERANCE;
      }
      if (!moves) {
        return xr[target];
      }
      linearPrograms++;
      PointValuePair p;
      try {
        p = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(obj, 0),
            new LinearConstraintSet(nonNegative), goal, new NonNegativeConstraint(false));
      } catch (UnboundedSolutionException e) {
        return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
      } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
        return Double.NaN;
      }
      // the solution less the true values, as the null space gives it (no difference of two
      // nearly equal values to round)
      double[] t = p.getPoint();
      double[] delta = new double[unknowns.length];
      for (int k = 0; k < unknowns.length; k++) {
        int r = find(k);
        if (!Double.isNaN(fixed[r])) {
          continue;
        }
        int i = column[r];
        for (int d = 0; d < dims; d++) {
          delta[k] += basis[i][d] * t[d];
        }
      }
      keepDirection(unknowns, delta);
      return xr[target] + p.getValue();
    }

    private int find(int k) {
      while (rep[k] != k) {
        rep[k] = rep[rep[k]];
        k = rep[k];
      }
      return k;
    }

    /** The equations over free representatives, once no equation fixes or merges any more. */
    private List<Equation> presolve(List<Equation> equations) {
      List<Equation> now = equations;
      boolean changed = true;
      while (changed) {
        changed = false;
        List<Equation> next = new ArrayList<>(now.size());
        for (Equation e : now) {
          Equation r = substitute(e);
          if (r.columns.length == 0) {
            continue;
          }
          if (r.columns.length == 1) {
            fixed[r.columns[0]] = Math.max(0, r.rhs / r.coefficients[0]);
            changed = true;
          } else if (r.columns.length == 2 && r.coefficients[0] == -r.coefficients[1]
              && Math.abs(r.rhs) <= r.slack) {
            rep[r.columns[1]] = r.columns[0];
            changed = true;
          } else {
            next.add(r);
          }
        }
        now = next;
      }
      return now;
    }

    /** An equation over the current free representatives (fixed ones moved to the right-hand side). */
    private Equation substitute(Equation e) {
      int[] cols = new int[e.columns.length];
      double[] coefs = new double[e.columns.length];
      int size = 0;
      double rhs = e.rhs;
      for (int k = 0; k < e.columns.length; k++) {
        int r = find(e.columns[k]);
        if (!Double.isNaN(fixed[r])) {
          rhs -= e.coefficients[k] * fixed[r];
          continue;
        }
        int at = 0;
        while (at < size && cols[at] != r) {
          at++;
        }
        if (at == size) {
          cols[size++] = r;
        }
        coefs[at] += e.coefficients[k];
      }
      int kept = 0;
      for (int k = 0; k < size; k++) {
        if (Math.abs(coefs[k]) > TOLERANCE) {
          cols[kept] = cols[k];
          coefs[kept++] = coefs[k];
        }
      }
      return new Equation(Arrays.copyOf(cols, kept), Arrays.copyOf(coefs, kept), rhs, e.slack);
    }

    /**
     * Exact sums first; sums of doubles may miss by a rounding, so a program found infeasible is
     * relaxed by it. The solution's direction from the true values is kept for other cells and
     * measures.
     */
    double solve(GoalType goal) {
      return solve(goal, NULLSPACE);
    }

    /**
     * @param nullSpace over the relations' null space (no phase 1), else the equations as they are
     *     (the reference the tests hold the first to)
     */
    double solve(GoalType goal, boolean nullSpace) {
      double pinned = fixed[find(0)];
      if (!Double.isNaN(pinned)) {
        return pinned; // the presolve alone works the cell out
      }
      if (nullSpace) {
        return solveNull(goal);
      }
      linearPrograms++;
      tableau();
      PointValuePair p = TableRanges.solve(objective, exact, goal);
      if (p == null) {
        p = TableRanges.solve(objective, loose, goal);
      }
      if (p == UNBOUNDED) {
        return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
      }
      if (p == null) {
        return Double.NaN;
      }
      double[] point = p.getPoint();
      double[] delta = new double[unknowns.length];
      for (int k = 0; k < unknowns.length; k++) {
        int r = find(k);
        delta[k] = Double.isNaN(fixed[r]) ? point[column[r]] - x[unknowns[k]] : 0;
      }
      keepDirection(unknowns, delta);
      return p.getValue();
    }
  }

  /**
   * @param ownDimension only cells of the cell's own dimension are unknowns (its totals and the
   *     other dimensions fixed at their true values)
   */
  private Program program(int m, int c, int maxUnknowns, boolean ownDimension) {
    Stratum by = cells.get(c).by();
    if (columnOf == null) {
      columnOf = new int[cells.size()];
      Arrays.fill(columnOf, -1);
      relationSeen = new boolean[relations.size()];
    }
    // breadth first from the cell over withheld cells; columnOf and relationSeen are reset on the way out
    int[] queue = new int[Math.min(maxUnknowns, cells.size())];
    int size = 0;
    queue[size++] = c;
    columnOf[c] = 0;
    int touchedCount = 0;
    int[] touched = new int[16];
    for (int head = 0; head < size; head++) {
      int x = queue[head];
      for (int r : relationsOf[x]) {
        if (!relationSeen[r]) {
          relationSeen[r] = true;
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, 2 * touchedCount);
          }
          touched[touchedCount++] = r;
        }
        for (int y : relations.get(r)) {
          if (withheld[y] && columnOf[y] < 0 && size < maxUnknowns && (!ownDimension || cells.get(y).by() == by)) {
            columnOf[y] = size;
            queue[size++] = y;
          }
        }
      }
    }
    int[] unknowns = Arrays.copyOf(queue, size);
    Arrays.sort(touched, 0, touchedCount);
    List<Equation> equations = new ArrayList<>(touchedCount);
    double[] value = values[m];
    for (int t = 0; t < touchedCount; t++) {
      int r = touched[t];
      relationSeen[r] = false;
      int[] members = relations.get(r);
      int[] columns = new int[members.length];
      double[] coefficients = new double[members.length];
      int n = 0;
      double known = 0;
      double scale = 0;
      for (int k = 0; k < members.length; k++) {
        int y = members[k];
        double sign = sign(k);
        scale += Math.abs(value[y]);
        int col = columnOf[y];
        if (col >= 0) {
          columns[n] = col;
          coefficients[n++] = sign;
        } else {
          known += sign * value[y];
        }
      }
      equations.add(new Equation(Arrays.copyOf(columns, n), Arrays.copyOf(coefficients, n),
          -known, TOLERANCE * (scale + 1)));
    }
    for (int y : unknowns) {
      columnOf[y] = -1;
    }
    return new Program(unknowns, value, equations);
  }

  /** Scratch for {@link #program}: each cell's column (-1: none), each relation's mark; reset after use. */
  private int[] columnOf;
  private boolean[] relationSeen;

  static final boolean NULLSPACE = !Boolean.getBoolean("danvan.audit.tableau");

  /** A basis of the null space of {@code rows} (columns × dimensions), by reduced row echelon form. */
  static double[][] nullSpace(List<double[]> rows, int columns) {
    double[][] a = rows.stream().map(double[]::clone).toArray(double[][]::new);
    int[] pivotOf = new int[columns];
    Arrays.fill(pivotOf, -1);
    int r = 0;
    for (int c = 0; c < columns && r < a.length; c++) {
      int best = -1;
      double size = 1e-9;
      for (int i = r; i < a.length; i++) {
        if (Math.abs(a[i][c]) > size) {
          size = Math.abs(a[i][c]);
          best = i;
        }
      }
      if (best < 0) {
        continue;
      }
      double[] swap = a[r];
      a[r] = a[best];
      a[best] = swap;
      double p = a[r][c];
      for (int j = c; j < columns; j++) {
        a[r][j] /= p;
      }
      for (int i = 0; i < a.length; i++) {
        double f = a[i][c];
        if (i != r && f != 0) {
          for (int j = c; j < columns; j++) {
            a[i][j] -= f * a[r][j];
          }
        }
      }
      pivotOf[c] = r++;
    }
    List<Integer> free = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      if (pivotOf[c] < 0) {
        free.add(c);
      }
    }
    double[][] n = new double[columns][free.size()];
    for (int d = 0; d < free.size(); d++) {
      int f = free.get(d);
      n[f][d] = 1;
      for (int c = 0; c < columns; c++) {
        if (pivotOf[c] >= 0) {
          double v = -a[pivotOf[c]][f];
          n[c][d] = Math.abs(v) < 1e-12 ? 0 : v;
        }
      }
    }
    return n;
  }

  private static final PointValuePair UNBOUNDED = new PointValuePair(new double[0], Double.NaN);

  /** The optimum; {@link #UNBOUNDED}; or null for no answer (the range then counts as none). */
  private static PointValuePair solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    try {
      return new SimplexSolver().optimize(new MaxIter(100_000),
          new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
          new NonNegativeConstraint(true));
    } catch (UnboundedSolutionException e) {
      return UNBOUNDED;
    } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
      return null;
    }
  }

  /**
   * The swaps proven possible for one withheld cell (which cells they move mass between): those
   * with another stratum of its unit, then those with its siblings, one sibling after another,
   * until they prove {@code need} in every measure (or no sibling is left).
   */
  private Swaps swaps(int c, double[] need) {
    Cell cell = cells.get(c);
    int u = unitOf[c];
    Swaps s = new Swaps(c);
    int dimension = DIMENSIONS.indexOf(cell.by());
    if (cell.by() != Stratum.TOTAL) {
      restratify(cell, u, s);
    }
    BitSet changed = new BitSet(units.size());
    BitSet both = new BitSet(units.size());
    int tried = 0;
    for (int u2 : siblings.get(u)) {
      if (u2 == u) {
        continue;
      }
      // checked after the 1st, 2nd, 4th, 8th... sibling: a range is a sum over all the swaps
      if (Integer.bitCount(tried++) == 1 && s.proves(need, values, atomValues, c)) {
        return s;
      }
      pair(s, u, u2, dimension, changed, both);
    }
    return s;
  }

  /** Adds the swaps of cell {@code s.cell} of unit {@code u} with sibling {@code u2}; two scratch sets. */
  private void pair(Swaps s, int u, int u2, int dimension, BitSet changed, BitSet both) {
    int c = s.cell;
    Stratum by = cells.get(c).by();
    changed.clear();
    changed.or(up[u]);
    changed.or(up[u2]);
    both.clear();
    both.or(common[u]);
    both.and(common[u2]);
    changed.andNot(both);
    // a stratum cell: its own respondents may change unit (a total: all of them)
    movable(changed, u, s.out, dimension, strataOf[c]);
    movable(changed, u2, s.in, dimension, strataOf[c]);
    if (by == Stratum.TOTAL) {
      return;
    }
    int u2v = cellAt[u2][strataOf[c]];
    if (u2v < 0) {
      return;
    }
    for (int k = 0; k < cellAt[u].length; k++) {
      int other = cellAt[u][k];
      if (other < 0 || k == strataOf[c] || cells.get(other).by() != by) {
        continue;
      }
      int u2w = cellAt[u2][k];
      if (u2w >= 0 && swappable(changed, strataOf[c], k)) {
        s.swaps.add(new int[] {other, u2v, u2w});
      }
    }
  }

  /**
   * Respondents of the unit whose stratum in the cell's dimension can change (from the cell's to
   * another, or back): every unit they are in has both strata cells, withheld. Totals and every
   * other dimension stay as they are.
   */
  private void restratify(Cell cell, int u, Swaps s) {
    int own = strataOf[s.cell];
    int d = DIMENSIONS.indexOf(cell.by());
    BitSet others = new BitSet();
    for (int k = 0; k < cellAt[u].length; k++) {
      int i = cellAt[u][k];
      if (i >= 0 && k != own && cells.get(i).by() == cell.by() && withheld[i]) {
        others.set(k);
      }
    }
    for (int a : atomsOf.get(u)) {
      int mine = atomStrata[a][d];
      boolean inCell = mine == own;
      if (!inCell && !others.get(mine)) {
        continue;
      }
      if (inCell) {
        for (int other = others.nextSetBit(0); other >= 0; other = others.nextSetBit(other + 1)) {
          if (swappable(atomPlace[a], mine, other)) {
            s.out.set(a);
            break;
          }
        }
      } else if (swappable(atomPlace[a], mine, own)) {
        s.in.set(a);
      }
    }
  }

  /** Whether every unit of {@code changed} has both strata cells, withheld. */
  private boolean swappable(BitSet changed, int v, int w) {
    for (int x = changed.nextSetBit(0); x >= 0; x = changed.nextSetBit(x + 1)) {
      int a = cellAt[x][v];
      int b = cellAt[x][w];
      if (a < 0 || b < 0 || !withheld[a] || !withheld[b]) {
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
  private void movable(BitSet changed, int u, BitSet to, int dimension, int stratum) {
    for (int x = changed.nextSetBit(0); x >= 0; x = changed.nextSetBit(x + 1)) {
      int total = totalStratum < 0 ? -1 : cellAt[x][totalStratum];
      if (total < 0 || !withheld[total]) {
        return;
      }
    }
    for (int a : atomsOf.get(u)) {
      if (dimension >= 0 && atomStrata[a][dimension] != stratum) {
        continue;
      }
      boolean ok = true;
      for (int d = 0; ok && d < DIMENSIONS.size(); d++) {
        int sd = atomStrata[a][d];
        for (int x = changed.nextSetBit(0); ok && x >= 0; x = changed.nextSetBit(x + 1)) {
          int k = sd < 0 ? -1 : cellAt[x][sd];
          ok = k >= 0 && withheld[k];
        }
      }
      if (ok) {
        to.set(a);
      }
    }
  }

  /** The swaps of one cell: with another stratum and a sibling, or (a total) with a sibling's total. */
  private static final class Swaps {
    final int cell;
    /** {(u, v'), (u2, v), (u2, v')}. */
    final List<int[]> swaps = new ArrayList<>();
    /** A total's respondents (atoms, by index) that can move out of it, and into it. */
    final BitSet out = new BitSet();
    final BitSet in = new BitSet();

    Swaps(int cell) {
      this.cell = cell;
    }

    /** Whether the swaps so far prove every measure's need (those of 0: nothing to prove). */
    boolean proves(double[] need, double[][] value, double[][] atomValue, int c) {
      for (int m = 0; m < need.length; m++) {
        if (need[m] > 0 && range(value[m], atomValue[m], value[m][c]) < need[m]) {
          return false;
        }
      }
      return true;
    }

    /** A lower bound of the range: mass moved out of the cell, plus mass moved in. */
    double range(double[] value, double[] atomValue, double v) {
      double moved = 0;
      for (int a = out.nextSetBit(0); a >= 0; a = out.nextSetBit(a + 1)) {
        moved += atomValue[a];
      }
      for (int a = in.nextSetBit(0); a >= 0; a = in.nextSetBit(a + 1)) {
        moved += atomValue[a];
      }
      return Math.max(moved, pairs(value, v));
    }

    /** The swaps by what depends on the table only, worked out once for every measure (again when more were found). */
    private int indexed = -1;
    private int[] outCells;
    private int[] inStrata;
    private int[][] inSources;

    private double pairs(double[] value, double v) {
      if (indexed != swaps.size()) {
        indexed = swaps.size();
        // the cells mass moves out to, distinct; the cells it comes in from, by the stratum it comes to
        int[] to = new int[swaps.size()];
        int distinct = 0;
        BitSet seen = new BitSet();
        for (int[] s : swaps) {
          if (!seen.get(s[2])) {
            seen.set(s[2]);
            to[distinct++] = s[2];
          }
        }
        outCells = Arrays.copyOf(to, distinct);
        List<int[]> byStratum = new ArrayList<>(swaps);
        byStratum.sort(java.util.Comparator.comparingInt(s -> s[0])); // stable: sources in the order found
        inStrata = new int[byStratum.size()];
        inSources = new int[byStratum.size()][];
        int groups = 0;
        for (int i = 0; i < byStratum.size(); ) {
          int j = i;
          while (j < byStratum.size() && byStratum.get(j)[0] == byStratum.get(i)[0]) {
            j++;
          }
          inStrata[groups] = byStratum.get(i)[0];
          int[] sources = new int[j - i];
          for (int k = i; k < j; k++) {
            sources[k - i] = byStratum.get(k)[1];
          }
          inSources[groups++] = sources;
          i = j;
        }
        inStrata = Arrays.copyOf(inStrata, groups);
        inSources = Arrays.copyOf(inSources, groups);
      }
      double out = 0;
      for (int c : outCells) {
        out += value[c];
      }
      // mass moved in from one other stratum at a time: two strata may lean on the same sibling cell
      double in = 0;
      for (int k = 0; k < inStrata.length; k++) {
        double from = 0;
        for (int c : inSources[k]) {
          from += value[c];
        }
        in = Math.max(in, Math.min(value[inStrata[k]], from));
      }
      return Math.min(v, out) + in;
    }
  }
}
