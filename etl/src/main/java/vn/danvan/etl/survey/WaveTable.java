package vn.danvan.etl.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Stratum;

/**
 * Everything the survey mart publishes about one question in one wave, as a table: its cells (a
 * unit of a region tree × a stratum), their sums, and the sums a reader could add up or subtract
 * (the strata of a unit add up to its total; the children of a unit to the unit; old provinces and
 * communes to the 2025 unit they went into whole). The trees: as reported, nation → provinces →
 * districts (before the reform) → communes; restated, nation → 2025 provinces → 2025 communes.
 *
 * <p>A respondent whose code stops above a level (a province code, in a province read by
 * district) is in that province's <em>remainder</em> at the next level down, a cell that is never
 * shown and always withheld, so that the province minus its shown districts cannot reveal them. A
 * remainder that would be its parent's only child is the parent itself and is not a cell.
 */
public final class WaveTable {
  static final String REPORTED = Boundaries.REPORTED.code();
  static final String RESTATED = Boundaries.RESTATED_2025.code();
  /** The nation is the same cell in both boundary modes. */
  public static final String BOTH = "*";
  static final String NATION = "VN";
  static final String UNPLACED = "??";
  private static final List<String> LEVELS = List.of("nation", "province", "district", "commune");

  /** A unit of one tree. */
  record Unit(String boundaries, String level, String region) {
    boolean placed() {
      return !region.startsWith(UNPLACED);
    }
  }

  /** A cell: the respondents of one unit and stratum. */
  public record Cell(String boundaries, String level, String region, Stratum by, String stratum)
      implements java.io.Serializable {
    /** As the cells' {@code toString()} compare, without building them. */
    static final Comparator<Cell> ORDER = Cell::compareAsText;

    /** Field by field, each followed by the text that follows it in {@code toString()}. */
    private static int compareAsText(Cell a, Cell b) {
      int c = compareAsText(a.boundaries, b.boundaries, ',');
      if (c == 0) {
        c = compareAsText(a.level, b.level, ',');
      }
      if (c == 0) {
        c = compareAsText(a.region, b.region, ',');
      }
      if (c == 0) {
        c = compareAsText(String.valueOf(a.by), String.valueOf(b.by), ',');
      }
      return c != 0 ? c : compareAsText(String.valueOf(a.stratum), String.valueOf(b.stratum), ']');
    }

    /** {@code (a + next).compareTo(b + next)}, without the concatenation. */
    static int compareAsText(String a, String b, char next) {
      int n = Math.min(a.length(), b.length());
      for (int i = 0; i < n; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          return a.charAt(i) - b.charAt(i);
        }
      }
      if (a.length() == b.length()) {
        return 0;
      }
      return a.length() < b.length() ? next - b.charAt(n) : a.charAt(n) - next;
    }

    Cell(Unit u, Stratum by, String stratum) {
      this(u.boundaries(), u.level(), u.region(), by, stratum);
    }

    Unit unit() {
      return new Unit(boundaries, level, region);
    }

    /** False for a remainder, which is never shown. */
    public boolean placed() {
      return !region.startsWith(UNPLACED);
    }
  }

  /** The sums of one cell. */
  static final class Sums {
    long n;
    double w;
    double w2;
    double wx;
    double wx2;
    /**
     * The weighted count of each option chosen, in a holder of its own: added to in place, without
     * a boxed sum for every respondent of every cell (the map's merge was 8 % of the estimates'
     * stage at scale 20).
     */
    private final Map<String, double[]> byOption = new HashMap<>();
    /** {@link #byOption} in the order of {@link #optionOrder}: the audit's measures read it once per option. */
    private List<String> optionOrder;
    private double[] optionValues;

    /** The weighted count of the respondents who chose {@code option} (0 when none did). */
    double option(String option) {
      double[] v = byOption.get(option);
      return v == null ? 0.0 : v[0];
    }

    /** The weighted count of each of the distinct {@code options} (0 for one nobody chose), kept until the next add. */
    double[] byOption(List<String> options) {
      if (optionOrder != options) {
        double[] v = new double[options.size()];
        byOption.forEach((o, w) -> {
          int k = options.indexOf(o);
          if (k >= 0) {
            v[k] = w[0];
          }
        });
        optionValues = v;
        optionOrder = options;
      }
      return optionValues;
    }

    void add(double weight, String answer, Double x) {
      optionOrder = null;
      n++;
      w += weight;
      w2 += weight * weight;
      if (x != null) {
        wx += weight * x;
        wx2 += weight * x * x;
      } else {
        double[] v = byOption.get(answer);
        if (v == null) {
          byOption.put(answer, new double[] {weight});
        } else {
          v[0] += weight;
        }
      }
    }
  }

  /** One usable answer: the respondent, the answer as given and, for a numeric question, its value. */
  record Response(Answer answer, String text, Double x) {}

  final Map<Cell, Sums> cells = new LinkedHashMap<>();
  final List<Suppression.Relation<Cell>> relations;
  /** Each respondent's units (every tree, the nation included), distinct. */
  final List<Set<Unit>> places;
  /** The respondents summed by place and strata (age group, sex, residence): what a swap can move. */
  final Map<Atom, Sums> atoms = new LinkedHashMap<>();

  /** Respondents of one place and one stratum in every dimension. */
  record Atom(int place, String ageGroup, String sex, String residence) {
    String stratum(Stratum by) {
      return switch (by) {
        case TOTAL -> null;
        case AGE_GROUP -> ageGroup;
        case SEX -> sex;
        case RESIDENCE -> residence;
      };
    }
  }
  /** The tree parent of each unit shown (the nation for provinces). */
  final Map<Unit, Unit> parent = new HashMap<>();

  private WaveTable(List<Response> responses, Geography geography, boolean newEra) {
    // A respondent's units depend on their region code alone: each code's path is found once, in
    // the order the codes first come, so the first parent linked to a unit is the one it was when
    // every respondent's path was built (a path, a set and 24 cells for every respondent were most
    // of the estimates' garbage at scale 20)
    Map<Unit, Unit> rawParent = new HashMap<>();
    Map<String, List<Unit>> paths = new LinkedHashMap<>();
    for (Response r : responses) {
      paths.computeIfAbsent(r.answer().regionCode(), code -> path(geography.place(code, newEra), newEra, rawParent));
    }
    Map<Unit, Unit> alias = aliases(rawParent);
    Map<Set<Unit>, Integer> distinct = new LinkedHashMap<>();
    Map<Unit, UnitCells> units = new HashMap<>();
    Unit nation = new Unit(BOTH, "nation", NATION);
    Map<String, CodePlace> byCode = new HashMap<>();
    paths.forEach((code, path) -> {
      Set<Unit> place = new HashSet<>();
      place.add(nation);
      List<UnitCells> shown = new ArrayList<>();
      shown.add(units.computeIfAbsent(nation, UnitCells::new));
      for (Unit u : path) {
        if (!alias.containsKey(u)) {
          place.add(u);
          shown.add(units.computeIfAbsent(u, UnitCells::new));
          Unit p = rawParent.get(u);
          parent.putIfAbsent(u, p == null ? nation : resolve(alias, p));
        }
      }
      byCode.put(code, new CodePlace(distinct.computeIfAbsent(place, k -> distinct.size()),
          shown.toArray(UnitCells[]::new)));
    });
    Stratum[] dimensions = Stratum.values();
    String[] strata = new String[dimensions.length];
    for (Response r : responses) {
      // the respondent's stratum in each dimension, for every unit of their path
      Answer a = r.answer();
      for (Stratum by : dimensions) {
        strata[by.ordinal()] = a.stratum(by);
      }
      CodePlace place = byCode.get(a.regionCode());
      for (UnitCells u : place.units()) {
        for (Stratum by : dimensions) {
          u.sums(by, strata[by.ordinal()]).add(a.weight(), r.text(), r.x());
        }
      }
      atoms.computeIfAbsent(new Atom(place.index(), strata[Stratum.AGE_GROUP.ordinal()], strata[Stratum.SEX.ordinal()],
          strata[Stratum.RESIDENCE.ordinal()]), k -> new Sums()).add(a.weight(), r.text(), r.x());
    }
    places = List.copyOf(distinct.keySet());
    relations = relations(geography, newEra);
  }

  /** A region code's place ({@link #places}' index) and its units, the nation first, as shown. */
  private record CodePlace(int index, UnitCells[] units) {}

  /** One unit's cells, by stratum in each dimension, each entered in {@link #cells} when it is first summed. */
  private final class UnitCells {
    private final Unit unit;
    private final List<Map<String, Sums>> byStratum = new ArrayList<>();

    UnitCells(Unit unit) {
      this.unit = unit;
      for (int i = 0; i < Stratum.values().length; i++) {
        byStratum.add(new HashMap<>());
      }
    }

    Sums sums(Stratum by, String stratum) {
      Map<String, Sums> of = byStratum.get(by.ordinal());
      Sums s = of.get(stratum);
      if (s == null) {
        s = new Sums();
        of.put(stratum, s);
        cells.put(new Cell(unit, by, stratum), s);
      }
      return s;
    }
  }

  /** The cells of the table, remainders included. */
  public Set<Cell> cellKeys() {
    return java.util.Collections.unmodifiableSet(cells.keySet());
  }

  static WaveTable of(List<Response> responses, Geography geography, boolean newEra) {
    return new WaveTable(responses, geography, newEra);
  }

  /** The units of a respondent below the nation, top down, each with its parent in {@code parent}. */
  static List<Unit> path(Geography.Place place, boolean newEra, Map<Unit, Unit> parent) {
    List<Unit> out = new ArrayList<>();
    Unit province = new Unit(REPORTED, "province", place.province() == null ? UNPLACED : place.province());
    out.add(province);
    if (province.placed()) {
      Unit above = province;
      if (!newEra) {
        Unit district = new Unit(REPORTED, "district", place.district() == null ? UNPLACED + province.region()
            : place.district());
        link(out, parent, district, province);
        above = district;
      }
      if (place.commune() != null || (above != province && above.placed())) {
        link(out, parent, new Unit(REPORTED, "commune", place.commune() == null ? UNPLACED + above.region()
            : place.commune()), above);
      } else if (newEra) {
        link(out, parent, new Unit(REPORTED, "commune", UNPLACED + province.region()), province);
      }
    }
    Unit restated = new Unit(RESTATED, "province", place.province2025() == null ? UNPLACED : place.province2025());
    out.add(restated);
    if (restated.placed()) {
      link(out, parent, new Unit(RESTATED, "commune", place.commune2025() == null
          ? UNPLACED + restated.region() : place.commune2025()), restated);
    }
    return out;
  }

  private static void link(List<Unit> path, Map<Unit, Unit> parent, Unit child, Unit of) {
    path.add(child);
    parent.putIfAbsent(child, of);
  }

  /** A remainder that is its parent's only child at its level is the parent: level by level, top down. */
  static Map<Unit, Unit> aliases(Map<Unit, Unit> rawParent) {
    Map<Unit, Unit> alias = new HashMap<>();
    for (String level : List.of("district", "commune")) {
      Map<Unit, List<Unit>> children = new HashMap<>();
      rawParent.forEach((child, p) -> {
        if (child.level().equals(level)) {
          children.computeIfAbsent(resolve(alias, p), k -> new ArrayList<>()).add(child);
        }
      });
      children.forEach((p, kids) -> {
        if (kids.size() == 1 && !kids.get(0).placed()) {
          alias.put(kids.get(0), p);
        }
      });
    }
    return alias;
  }

  static Unit resolve(Map<Unit, Unit> alias, Unit u) {
    Unit r = u;
    while (alias.containsKey(r)) {
      r = alias.get(r);
    }
    return r;
  }

  /** The sums a reader could add up or subtract, in a fixed order (a fixed result). */
  private List<Suppression.Relation<Cell>> relations(Geography geography, boolean newEra) {
    Map<String, Cell> wholes = new TreeMap<>();
    Map<String, List<Cell>> parts = new HashMap<>();
    for (Cell c : cells.keySet()) {
      Unit u = c.unit();
      if (c.by() != Stratum.TOTAL) {
        relate(wholes, parts, "strata|" + c.by(), new Cell(u, Stratum.TOTAL, null), c);
      }
      Unit p = parent.get(u);
      if (p != null) {
        relate(wholes, parts, "tree|" + u.boundaries() + "|" + u.level(), new Cell(p, c.by(), c.stratum()), c);
      }
      if (u.boundaries().equals(REPORTED) && u.placed() && !u.level().equals("district")) {
        (u.level().equals("province") ? geography.province2025(u.region(), newEra)
            : geography.commune2025(u.region(), newEra))
            .ifPresent(n -> relate(wholes, parts, "lineage", new Cell(RESTATED, u.level(), n, c.by(), c.stratum()), c));
      }
    }
    List<Suppression.Relation<Cell>> out = new ArrayList<>();
    wholes.forEach((key, whole) -> {
      if (cells.containsKey(whole)) {
        out.add(new Suppression.Relation<>(whole, parts.get(key)));
      }
    });
    return out;
  }

  private static void relate(Map<String, Cell> wholes, Map<String, List<Cell>> parts, String kind, Cell whole,
      Cell part) {
    String key = kind + "|" + whole;
    wholes.putIfAbsent(key, whole);
    parts.computeIfAbsent(key, k -> new ArrayList<>()).add(part);
  }

  static int depth(String level) {
    return LEVELS.indexOf(level);
  }
}
