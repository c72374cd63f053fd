package vn.danvan.etl.outreach;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Boundaries;

/**
 * The regions a post counts in, in both boundary modes (docs/outreach.md): as reported, its unit's
 * commune, district and province of the era it was published in; restated onto the 2025 units, the
 * new commune and province its unit's area went to, by the same lineage the marts restate with.
 *
 * <p>A post cannot be split, unlike a figure: a post of an old commune whose links spread it over
 * several new communes goes whole to the one with the largest share (the smallest code on a tie)
 * and is marked inexact; the marts' {@code outreach_*} series spread its counts by the shares
 * instead. Shipped with the tasks, like the marts' trees (some 14,000 nodes).
 */
public final class PostAreas implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final LocalDate REFORM = Boundaries.REFORM;

  private final Map<String, String> oldParent = new HashMap<>();
  private final Map<String, String> newParent = new HashMap<>();
  private final Set<String> newCodes = new HashSet<>();
  /** old commune -> the new commune it goes to whole, and whether that is exact */
  private final Map<String, String> communeTo = new HashMap<>();
  private final Set<String> communeExact = new HashSet<>();
  private final Map<String, String> provinceTo = new HashMap<>();

  /** Where a post counts; null where a level does not apply (a province's post has no commune). */
  public record Area(String province, String district, String commune, String newProvince, String newCommune,
      boolean exact) implements Serializable {}

  /**
   * @param nodes {@code code, era (old|new), parent_code}
   * @param communeShares {@code old_code, new_code, share, mrank}
   * @param provinceLinks {@code old_code, new_code}
   */
  public PostAreas(List<Row> nodes, List<Row> communeShares, List<Row> provinceLinks) {
    for (Row n : nodes) {
      String code = n.getAs("code");
      boolean isNew = "new".equals(n.getAs("era"));
      if (isNew) {
        newCodes.add(code);
      }
      String parent = n.getAs("parent_code");
      if (parent != null) {
        (isNew ? newParent : oldParent).put(code, parent);
      }
    }
    Map<String, List<Row>> byOld = new HashMap<>();
    for (Row l : communeShares) {
      byOld.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>()).add(l);
    }
    byOld.forEach((old, links) -> {
      Row best = links.stream().min(Comparator.<Row>comparingDouble(l -> -l.<Double>getAs("share"))
          .thenComparing(l -> l.<String>getAs("new_code"))).orElseThrow();
      communeTo.put(old, best.getAs("new_code"));
      if (links.size() == 1 && best.<Integer>getAs("mrank") == 0) {
        communeExact.add(old);
      }
    });
    Map<String, TreeSet<String>> provinces = new HashMap<>();
    for (Row l : provinceLinks) {
      provinces.computeIfAbsent(l.getAs("old_code"), k -> new TreeSet<>()).add(l.getAs("new_code"));
    }
    provinces.forEach((old, to) -> provinceTo.put(old, to.first()));
  }

  /** The areas of a post of unit {@code code} published on the local date {@code published}. */
  public Area of(String code, LocalDate published) {
    boolean isNew = !published.isBefore(REFORM) && newCodes.contains(code);
    if (isNew) {
      String province = code.length() == 2 ? code : newParent.get(code);
      String commune = code.length() == 5 ? code : null;
      return new Area(province, null, commune, province, commune, true);
    }
    String commune = code.length() == 5 ? code : null;
    String district = code.length() == 3 ? code : commune == null ? null : parentOfLength(commune, 3);
    String province = code.length() == 2 ? code : parentOfLength(district != null ? district : code, 2);
    String newCommune = commune == null ? null : communeTo.get(commune);
    String newProvince = newCommune != null ? newParent.get(newCommune) : province == null ? null : provinceTo.get(province);
    boolean exact = commune == null || newCommune == null || communeExact.contains(commune);
    return new Area(province, district, commune, newProvince, newCommune, exact);
  }

  private String parentOfLength(String code, int length) {
    String p = oldParent.get(code);
    while (p != null && p.length() > length) {
      p = oldParent.get(p);
    }
    return p != null && p.length() == length ? p : null;
  }
}
