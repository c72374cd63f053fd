package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The lineage as the roll-up follows it, to restate pre-2025 units onto 2025 ones: old communes
 * onto new communes and onto new provinces (shared out by their {@link Apportioning}), old
 * provinces into new ones (whole). Units are {@link RegionTrees} ids.
 */
final class Lineage implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final Link[] NONE = {};

  /** A share of an old unit's figure that goes to the new unit {@code to}. */
  record Link(int to, double share, Apportioning apportioning) implements Serializable {}

  private final Map<Integer, Link[]> communeToCommunes = new HashMap<>();
  private final Map<Integer, Link[]> communeToProvinces = new HashMap<>();
  private final Map<Integer, Link[]> provinceToProvinces = new HashMap<>();

  /**
   * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
   *     ({@link Regions#communeShares}; {@code mrank} is the {@link Apportioning#rank()})
   * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
   */
  Lineage(List<Row> communeShares, List<Row> provinceLinks, RegionTrees trees) {
    Map<Integer, List<Link>> communes = new LinkedHashMap<>();
    for (Row l : communeShares) {
      communes.computeIfAbsent(trees.id(l.getAs("old_code")), k -> new ArrayList<>())
          .add(new Link(trees.id(l.getAs("new_code")), l.getAs("share"), Apportioning.ofRank(l.<Integer>getAs("mrank"))));
    }
    communes.forEach((old, links) -> {
      communeToCommunes.put(old, links.toArray(Link[]::new));
      communeToProvinces.put(old, provinceShares(links, trees));
    });
    Map<Integer, List<Link>> provinces = new LinkedHashMap<>();
    for (Row l : provinceLinks) {
      provinces.computeIfAbsent(trees.id(l.getAs("old_code")), k -> new ArrayList<>())
          .add(new Link(trees.id(l.getAs("new_code")), 1.0, Apportioning.EXACT));
    }
    provinces.forEach((old, links) -> provinceToProvinces.put(old, links.toArray(Link[]::new)));
  }

  /** Whether the lineage says where an old commune went. */
  boolean hasCommune(int oldCommune) {
    return communeToCommunes.containsKey(oldCommune);
  }

  Map<Integer, Figure> communesOntoCommunes(Map<Integer, Figure> oldCommunes) {
    return through(oldCommunes, communeToCommunes);
  }

  Map<Integer, Figure> communesOntoProvinces(Map<Integer, Figure> oldCommunes) {
    return through(oldCommunes, communeToProvinces);
  }

  Map<Integer, Figure> provincesIntoProvinces(Map<Integer, Figure> oldProvinces) {
    return through(oldProvinces, provinceToProvinces);
  }

  /** Old nodes' figures carried onto new ones by their links, each its share. */
  private static Map<Integer, Figure> through(Map<Integer, Figure> old, Map<Integer, Link[]> links) {
    Map<Integer, Figure> m = new HashMap<>();
    old.forEach((code, f) -> {
      for (Link l : links.getOrDefault(code, NONE)) {
        m.computeIfAbsent(l.to(), c -> new Figure()).add(f, l.share(), l.apportioning());
      }
    });
    return m;
  }

  /**
   * An old commune onto new provinces: the shares of its new communes in one province added up;
   * whole (exact) when all lie in one.
   */
  private static Link[] provinceShares(List<Link> communeLinks, RegionTrees trees) {
    Map<Integer, Link> byProvince = new LinkedHashMap<>();
    for (Link l : communeLinks) {
      int p = trees.newParent(l.to());
      if (p == RegionTrees.NONE || !trees.isNewCommune(l.to())) {
        continue;
      }
      byProvince.merge(p, new Link(p, l.share(), l.apportioning()),
          (a, b) -> new Link(p, a.share() + b.share(), a.apportioning().leastPrecise(b.apportioning())));
    }
    if (byProvince.size() == 1) {
      return new Link[] {new Link(byProvince.keySet().iterator().next(), 1.0, Apportioning.EXACT)};
    }
    return byProvince.values().toArray(Link[]::new);
  }
}
