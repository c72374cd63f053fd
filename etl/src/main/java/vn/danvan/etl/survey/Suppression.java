package vn.danvan.etl.survey;

import java.util.ArrayList;
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
    List<List<K>> members = new ArrayList<>();
    for (Relation<K> r : relations) {
      if (!respondents.containsKey(r.whole())) {
        continue;
      }
      List<K> parts = r.parts().stream().filter(respondents::containsKey).distinct().toList();
      if (!parts.isEmpty()) {
        List<K> m = new ArrayList<>(parts);
        m.add(r.whole());
        members.add(m);
      }
    }
    Comparator<K> fewest = Comparator.<K>comparingLong(respondents::get).thenComparing(order);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<K> m : members) {
        if (m.stream().filter(withheld::containsKey).count() != 1) {
          continue;
        }
        K whole = m.get(m.size() - 1);
        K pick = m.subList(0, m.size() - 1).stream().filter(k -> !withheld.containsKey(k)).min(fewest)
            .orElse(whole);
        withheld.put(pick, Kind.SECONDARY);
        changed = true;
      }
    }
  }
}
