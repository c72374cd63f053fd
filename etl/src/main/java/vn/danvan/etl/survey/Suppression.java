package vn.danvan.etl.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which cells of one question and wave are withheld. Primary: a cell answered by fewer than the
 * minimum number of respondents. Secondary: wherever cells add up to a shown whole (the strata of a
 * region to its total, the provinces to the nation, the old provinces to the 2025 province they
 * merged into), a single withheld member could be recovered by subtraction; so whenever exactly one
 * member of such a relation is withheld, the shown part with the fewest respondents is withheld too
 * (the whole only when no part is left), until no relation has exactly one. Deterministic: ties go
 * to the smaller key in {@code order}.
 *
 * @param <K> a cell's key
 */
public final class Suppression<K> {
  /** Why a cell is withheld. */
  public enum Kind {
    /** Too few respondents. */
    PRIMARY,
    /** Would reveal a withheld cell by one subtraction. */
    SECONDARY,
    /** Withheld in the second round, by {@link DisclosureAudit}: several sums together would narrow a withheld cell. */
    AUDIT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code whole} = Σ {@code parts}: the cells that add up, as respondents (and their weights) do. */
  public record Relation<K>(K whole, List<K> parts) {
    public Relation {
      Objects.requireNonNull(whole, "whole");
      parts = List.copyOf(parts);
    }
  }

  private final int minRespondents;
  private final Comparator<K> order;

  public Suppression(int minRespondents, Comparator<K> order) {
    if (minRespondents < 1) {
      throw new IllegalArgumentException("minRespondents must be >= 1, not " + minRespondents);
    }
    this.minRespondents = minRespondents;
    this.order = Objects.requireNonNull(order, "order");
  }

  /** A cell answered by fewer respondents is withheld by the primary rule. */
  public int minRespondents() {
    return minRespondents;
  }

  /**
   * @param respondents every cell's unweighted count
   * @param relations sums among those cells; members missing from {@code respondents} have no
   *     respondents and are left out
   * @return the withheld cells with the reason
   */
  public Map<K, Kind> withheld(Map<K, Long> respondents, List<Relation<K>> relations) {
    Map<K, Kind> out = new HashMap<>();
    respondents.forEach((k, n) -> {
      if (n < minRespondents) {
        out.put(k, Kind.PRIMARY);
      }
    });
    close(out, respondents, relations);
    return out;
  }

  /**
   * Withholds more, as {@link Kind#SECONDARY}, until no relation has exactly one withheld member.
   *
   * @param withheld the cells withheld so far; added to
   */
  public void close(Map<K, Kind> withheld, Map<K, Long> respondents, List<Relation<K>> relations) {
    closer(respondents, relations).close(withheld);
  }

  /** The single-relation rule over one table, its relations indexed once for every round that applies it again. */
  public Closer closer(Map<K, Long> respondents, List<Relation<K>> relations) {
    return new Closer(respondents, relations);
  }

  /** {@link #close} over one table's cells and relations, indexed once. */
  public final class Closer {
    private final List<K> keys = new ArrayList<>();
    private final Map<K, Integer> index = new HashMap<>();
    /** Each relation's members with respondents: its parts (distinct), then its whole. */
    private final List<int[]> members = new ArrayList<>();
    /** The relations each cell is a member of (twice when it is twice a member). */
    private final List<List<Integer>> relationsOf = new ArrayList<>();
    private final Comparator<Integer> fewest;

    private Closer(Map<K, Long> respondents, List<Relation<K>> relations) {
      for (Relation<K> r : relations) {
        add(r, respondents);
      }
      long[] n = new long[keys.size()];
      for (int i = 0; i < n.length; i++) {
        n[i] = respondents.get(keys.get(i));
      }
      fewest = Comparator.<Integer>comparingLong(i -> n[i]).thenComparing(i -> keys.get(i), order);
    }

    /** Indexes one relation: its members with respondents, parts (distinct) then whole; none if no part has any. */
    private void add(Relation<K> r, Map<K, Long> respondents) {
      if (!respondents.containsKey(r.whole())) {
        return;
      }
      int[] m = new int[r.parts().size() + 1];
      int size = 0;
      for (K p : r.parts()) {
        if (!respondents.containsKey(p)) {
          continue;
        }
        int k = number(p);
        boolean seen = false;
        for (int i = 0; i < size && !seen; i++) {
          seen = m[i] == k;
        }
        if (!seen) {
          m[size++] = k;
        }
      }
      if (size == 0) {
        return;
      }
      m[size++] = number(r.whole());
      m = Arrays.copyOf(m, size);
      for (int k : m) {
        relationsOf.get(k).add(members.size());
      }
      members.add(m);
    }

    private int number(K key) {
      return index.computeIfAbsent(key, k -> {
        keys.add(k);
        relationsOf.add(new ArrayList<>());
        return keys.size() - 1;
      });
    }

    /**
     * Withholds more, as {@link Kind#SECONDARY}, until no relation has exactly one withheld member:
     * the relations in order, again until a pass withholds nothing.
     *
     * @param withheld the cells withheld so far; added to
     */
    public void close(Map<K, Kind> withheld) {
      boolean[] w = new boolean[keys.size()];
      withheld.keySet().forEach(k -> {
        Integer i = index.get(k);
        if (i != null) {
          w[i] = true;
        }
      });
      int[] count = new int[members.size()];
      for (int r = 0; r < members.size(); r++) {
        for (int k : members.get(r)) {
          count[r] += w[k] ? 1 : 0;
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int r = 0; r < members.size(); r++) {
          if (count[r] != 1) {
            continue;
          }
          int[] m = members.get(r);
          int pick = -1;
          for (int i = 0; i < m.length - 1; i++) {
            if (!w[m[i]] && (pick < 0 || fewest.compare(m[i], pick) < 0)) {
              pick = m[i];
            }
          }
          if (pick < 0) {
            pick = m[m.length - 1];
          }
          w[pick] = true;
          withheld.put(keys.get(pick), Kind.SECONDARY);
          for (int r2 : relationsOf.get(pick)) {
            count[r2]++;
          }
          changed = true;
        }
      }
    }
  }
}
