package vn.danvan.etl.generate;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

/**
 * The defects planted in one table: each applicable way is drawn for about {@link #RATE} of the
 * rows, and each changes a row so that it fails exactly that one check of the loader.
 */
final class Plan {
  /** Share of rows planted per way (0.5 %). */
  static final double RATE = 0.005;

  /** Changes a row in place so it fails one check; false when the way does not apply to it. */
  @FunctionalInterface
  interface Mutation {
    /**
     * @param era the units the row was drawn under; null when its period spans both eras (a
     *     2025 year or the 2025 full-year report), where no code is invalid on its dates
     */
    boolean apply(String[] row, Era era, Units units, SplittableRandom rnd);
  }

  /** One way of being bad: the reason the loader gives and how to make a row have it. */
  record Way(Reason reason, Mutation mutation) {
    Way {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(mutation, "mutation of " + reason);
    }
  }

  final Table table;
  private final Way[] ways;
  private final int[] key;

  Plan(Table table, List<Way> ways) {
    this.table = Objects.requireNonNull(table, "table");
    this.ways = ways.toArray(Way[]::new);
    List<String> names = table.columnNames();
    key = table.key().stream().mapToInt(names::indexOf).toArray();
  }

  /** A plan that plants nothing (reference tables, which come clean from their sources). */
  static Plan clean(Table table) {
    return new Plan(table, List.of());
  }

  /** The way this row is to be bad, or null for most rows. */
  Way draw(SplittableRandom rnd) {
    if (ways.length == 0) {
      return null;
    }
    int i = (int) (rnd.nextDouble() / RATE);
    return i < ways.length ? ways[i] : null;
  }

  /** The row's key as {@code _planted.csv} writes it: key values as written, joined by {@code |}. */
  String key(String[] row) {
    if (key.length == 1) {
      return row[key[0]];
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < key.length; i++) {
      if (i > 0) {
        s.append('|');
      }
      s.append(row[key[i]] == null ? "" : row[key[i]]);
    }
    return s.toString();
  }

  /** The plan's way of failing for this reason, if it has one. */
  Way way(Reason reason) {
    return java.util.Arrays.stream(ways).filter(w -> w.reason() == reason).findFirst().orElse(null);
  }

  List<Reason> reasons() {
    return java.util.Arrays.stream(ways).map(Way::reason).toList();
  }
}
