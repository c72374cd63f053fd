package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The lineage as the roll-up follows it, to restate pre-2025 units onto 2025 ones: old communes
 * onto new communes and onto new provinces (shared out by their {@link Apportioning}), old
 * provinces into new ones (whole).
 */
final class Lineage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A share of an old unit's figure that goes to the new unit {@code to}. */
  record Link(String to, double share, Apportioning apportioning) implements Serializable {}

  private final Map<String, List<Link>> communeToCommunes = new HashMap<>();
  private final Map<String, List<Link>> communeToProvinces = new HashMap<>();
  private final Map<String, List<Link>> provinceToProvinces = new HashMap<>();

  /**
   * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
   *     ({@link Regions#communeShares}; {@code mrank} is the {@link Apportioning#rank()})
   * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
   */
  Lineage(List<Row> communeShares, List<Row> provinceLinks, RegionTrees trees) {
    for (Row l : communeShares) {
      communeToCommunes.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>())
          .add(new Link(l.getAs("new_code"), l.getAs("share"), Apportioning.ofRank(l.<Integer>getAs("mrank"))));
    }
    communeToCommunes.forEach((old, links) -> communeToProvinces.put(old, provinceShares(links, trees)));
    for (Row l : provinceLinks) {
      provinceToProvinces.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>())
          .add(new Link(l.getAs("new_code"), 1.0, Apportioning.EXACT));
    }
  }

  /** Whether the lineage says where an old commune went. */
  boolean hasCommune(String oldCommune) {
    return communeToCommunes.containsKey(oldCommune);
  }

  Map<String, Figure> communesOntoCommunes(Map<String, Figure> oldCommunes) {
    return through(oldCommunes, communeToCommunes);
  }

  Map<String, Figure> communesOntoProvinces(Map<String, Figure> oldCommunes) {
    return through(oldCommunes, communeToProvinces);
  }

  Map<String, Figure> provincesIntoProvinces(Map<String, Figure> oldProvinces) {
    return through(oldProvinces, provinceToProvinces);
  }

  /** Old nodes' figures carried onto new ones by their links, each its share. */
  private static Map<String, Figure> through(Map<String, Figure> old, Map<String, List<Link>> links) {
    Map<String, Figure> m = new HashMap<>();
    old.forEach((code, f) -> {
      for (Link l : links.getOrDefault(code, List.of())) {
        m.computeIfAbsent(l.to(), c -> new Figure()).add(f, l.share(), l.apportioning());
      }
    });
    return m;
  }

  /**
   * An old commune onto new provinces: the shares of its new communes in one province added up;
   * whole (exact) when all lie in one.
   */
  private static List<Link> provinceShares(List<Link> communeLinks, RegionTrees trees) {
    Map<String, Link> byProvince = new HashMap<>();
    for (Link l : communeLinks) {
      String p = trees.newParents().get(l.to());
      if (p == null || !trees.newCommuneCodes().contains(l.to())) {
        continue;
      }
      byProvince.merge(p, new Link(p, l.share(), l.apportioning()),
          (a, b) -> new Link(p, a.share() + b.share(), a.apportioning().leastPrecise(b.apportioning())));
    }
    if (byProvince.size() == 1) {
      return List.of(new Link(byProvince.keySet().iterator().next(), 1.0, Apportioning.EXACT));
    }
    return List.copyOf(byProvince.values());
  }
}
