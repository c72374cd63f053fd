package vn.danvan.warehouse.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.LakeTable;

/**
 * Which regions a {@link RegionScope} sees in one snapshot, in each boundary mode: its subtree,
 * and the nation (whose figures every account may compare against).
 *
 * <ul>
 *   <li>Restated onto the 2025 units: the scope's unit and, for a province, its communes.
 *   <li>As reported: a 2025 unit of the scope (a code in use since 2025-07-01), and a unit that
 *       ceased on 2025-07-01 when the lineage sends all of it into the scope: every link of its
 *       own and of every unit below it ends inside the scope. A unit split across the scope's
 *       border is therefore seen only restated, as its share of the scope's figures. A code used
 *       before and after the reform is seen when both of its units are.
 * </ul>
 *
 * <p>Resolved once per snapshot and scope ({@link SnapshotSession#visibility()}) from the
 * {@code mart_regions} and {@code region_lineage} tables; a scope whose unit the snapshot does not
 * know sees only the nation.
 */
public final class Visibility {
  private static final SqlFile UNITS = SqlFile.load(Visibility.class, "scope_units");
  private static final SqlFile LINEAGE = SqlFile.load(Visibility.class, "scope_lineage");
  private static final Visibility EVERYTHING = new Visibility(RegionScope.country(), null, null);

  private final RegionScope scope;
  /** Codes seen as reported; null: every code. */
  private final Set<String> reported;
  /** Codes seen restated onto the 2025 units; null: every code. */
  private final Set<String> restated;

  private Visibility(RegionScope scope, Set<String> reported, Set<String> restated) {
    this.scope = scope;
    this.reported = reported;
    this.restated = restated;
  }

  /** What the whole-country scope sees: every region. */
  public static Visibility everything() {
    return EVERYTHING;
  }

  public RegionScope scope() {
    return scope;
  }

  /** Whether every region is seen (the whole-country scope). */
  public boolean isEverything() {
    return reported == null;
  }

  /** Whether the figures of {@code code} in {@code boundaries} mode may be shown. */
  public boolean sees(Boundaries boundaries, String code) {
    if (reported == null || RegionScope.COUNTRY.equals(code)) {
      return true;
    }
    return (boundaries == Boundaries.RESTATED_2025 ? restated : reported).contains(code);
  }

  /** The rows of {@code rows} whose region ({@code region} of the row) is seen in {@code boundaries}. */
  public <E> List<E> filter(Boundaries boundaries, List<E> rows, Function<E, String> region) {
    return isEverything() ? rows : rows.stream().filter(r -> sees(boundaries, region.apply(r))).toList();
  }

  /** The codes seen in a mode below the nation, for tests and messages; every code: null. */
  Set<String> codes(Boundaries boundaries) {
    return boundaries == Boundaries.RESTATED_2025 ? restated : reported;
  }

  /** Resolves {@code scope} against the snapshot {@code session} reads. */
  static Visibility resolve(RegionScope scope, SnapshotSession session) {
    if (scope.isCountry()) {
      return EVERYTHING;
    }
    Map<String, String> newParent = new HashMap<>();
    Set<String> reportedNew = new HashSet<>();
    Map<String, List<String>> oldChildren = new HashMap<>();
    Set<String> old = new HashSet<>();
    if (session.views().contains(LakeTable.MART_REGIONS)) {
      LocalDate reform = Boundaries.REFORM;
      session.query(UNITS, row -> {
        String code = row.getString(2);
        String parent = row.getString(4);
        LocalDate from = row.getObject(5, LocalDate.class);
        if (row.getString(1).equals(Boundaries.RESTATED_2025.code())) {
          newParent.put(code, parent);
        } else if (from != null && !from.isBefore(reform)) {
          reportedNew.add(code);
        } else {
          old.add(code);
          oldChildren.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
        }
        return code;
      });
    }
    Map<String, List<String>> targets = new HashMap<>();
    if (session.views().contains(LakeTable.REGION_LINEAGE)) {
      session.query(LINEAGE, row -> targets.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
          .add(row.getString(2)));
    }
    Set<String> restated = new HashSet<>();
    String root = scope.rootCode();
    if (newParent.containsKey(root)) {
      restated.add(root);
      newParent.forEach((code, parent) -> {
        if (root.equals(parent)) {
          restated.add(code);
        }
      });
    }
    Map<String, Boolean> wholly = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (String code : union(old, reportedNew)) {
      boolean seen = (!old.contains(code) || whollyInside(code, restated, targets, oldChildren, wholly))
          && (!reportedNew.contains(code) || restated.contains(code));
      if (seen) {
        reported.add(code);
      }
    }
    return new Visibility(scope, Set.copyOf(reported), Set.copyOf(restated));
  }

  /**
   * Whether the lineage sends all of the old unit {@code code} into {@code inside}: it or its
   * units below have at least one link, and every link of it and of them ends inside.
   */
  private static boolean whollyInside(String code, Set<String> inside, Map<String, List<String>> targets,
      Map<String, List<String>> children, Map<String, Boolean> memo) {
    Boolean known = memo.get(code);
    if (known != null) {
      return known;
    }
    List<String> own = targets.getOrDefault(code, List.of());
    List<String> below = children.getOrDefault(code, List.of());
    boolean result = (!own.isEmpty() || !below.isEmpty()) && inside.containsAll(own);
    for (int i = 0; result && i < below.size(); i++) {
      result = whollyInside(below.get(i), inside, targets, children, memo);
    }
    memo.put(code, result);
    return result;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  @Override
  public String toString() {
    return "Visibility[" + scope.rootCode() + (isEverything() ? ": everything]"
        : ": " + reported.size() + " reported, " + restated.size() + " restated]");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Visibility v && scope.equals(v.scope) && Objects.equals(reported, v.reported)
        && Objects.equals(restated, v.restated);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, reported, restated);
  }
}
