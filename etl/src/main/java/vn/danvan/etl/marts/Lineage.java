package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.ArrayList;
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

  /** By old unit's id: where it went; null where the lineage does not say. */
  private final Link[][] communeToCommunes;
  private final Link[][] communeToProvinces;
  private final Link[][] provinceToProvinces;

  /**
   * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
   *     ({@link Regions#communeShares}; {@code mrank} is the {@link Apportioning#rank()})
   * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
   */
  Lineage(List<Row> communeShares, List<Row> provinceLinks, RegionTrees trees) {
    Map<Integer, List<Link>> communes = byOldUnit(communeShares, trees,
        l -> new Link(trees.id(l.getAs("new_code")), l.getAs("share"), Apportioning.ofRank(l.<Integer>getAs("mrank"))));
    Map<Integer, List<Link>> provinces = byOldUnit(provinceLinks, trees,
        l -> new Link(trees.id(l.getAs("new_code")), 1.0, Apportioning.EXACT));
    // after every code has its id (a code of no tree gets one past the trees' own)
    int size = trees.size();
    communeToCommunes = new Link[size][];
    communeToProvinces = new Link[size][];
    provinceToProvinces = new Link[size][];
    communes.forEach((old, links) -> {
      communeToCommunes[old] = links.toArray(Link[]::new);
      communeToProvinces[old] = provinceShares(links, trees);
    });
    provinces.forEach((old, links) -> provinceToProvinces[old] = links.toArray(Link[]::new));
  }

  /** The links of {@code rows}, grouped by their {@code old_code}'s id, in the rows' order. */
  private static Map<Integer, List<Link>> byOldUnit(List<Row> rows, RegionTrees trees,
      java.util.function.Function<Row, Link> link) {
    Map<Integer, List<Link>> out = new LinkedHashMap<>();
    for (Row l : rows) {
      out.computeIfAbsent(trees.id(l.getAs("old_code")), k -> new ArrayList<>()).add(link.apply(l));
    }
    return out;
  }

  /** Whether the lineage says where an old commune went. */
  boolean hasCommune(int oldCommune) {
    return oldCommune < communeToCommunes.length && communeToCommunes[oldCommune] != null;
  }

  IdMap communesOntoCommunes(IdMap oldCommunes) {
    return through(oldCommunes, communeToCommunes);
  }

  IdMap communesOntoProvinces(IdMap oldCommunes) {
    return through(oldCommunes, communeToProvinces);
  }

  IdMap provincesIntoProvinces(IdMap oldProvinces) {
    return through(oldProvinces, provinceToProvinces);
  }

  /** Old nodes' figures carried onto new ones by their links, each its share. */
  private static IdMap through(IdMap old, Link[][] links) {
    IdMap m = new IdMap();
    old.forEach((id, f) -> {
      for (Link l : id < links.length && links[id] != null ? links[id] : NONE) {
        m.figure(l.to()).add(f, l.share(), l.apportioning());
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
