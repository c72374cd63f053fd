package vn.danvan.etl.regions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Regions and lineage converted from the public admin-unit files, with what the conversion had to
 * repair in them: a person must be able to see that the public sources disagree, so the repairs are
 * reported, never silent.
 *
 * @param regions old provinces, districts, communes (plus old communes only the lineage names),
 *     new provinces, new communes; in that order
 * @param lineage province links, then commune links, in the merger file's order
 * @param addedOldCommunes old communes missing from the 2024 list that the lineage links; added
 *     with the name the merger file gives them
 * @param districtLinks lineage links whose old unit is a district (island districts that became
 *     special zones)
 * @param notes one line per repair, for the person running the import
 */
public record AdminUnits(List<RegionRow> regions, List<LineageRow> lineage, int addedOldCommunes,
    int districtLinks, List<String> notes) {

  public AdminUnits {
    regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
    lineage = List.copyOf(Objects.requireNonNull(lineage, "lineage"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }

  /** Rows per "old province", "old district", ..., "new commune", sorted by label. */
  public Map<String, Long> countsByLevel() {
    Map<String, Long> counts = new TreeMap<>();
    for (RegionRow r : regions) {
      String era = r.validTo() == null ? "new " : "old ";
      counts.merge(era + r.level(), 1L, Long::sum);
    }
    return counts;
  }

  /** Lineage links per relation and level of the new unit, e.g. "commune partial". */
  public Map<String, Long> linksByRelation() {
    Map<String, Long> counts = new TreeMap<>();
    for (LineageRow l : lineage) {
      String level = l.newCode().length() == 2 ? "province " : "commune ";
      counts.merge(level + l.relation(), 1L, Long::sum);
    }
    return counts;
  }

  /** A few lines for the console: counts per level, links by relation, repairs. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    countsByLevel().forEach((k, v) -> s.append(String.format("regions  %-14s %,7d%n", k, v)));
    linksByRelation().forEach((k, v) -> s.append(String.format("lineage  %-16s %,7d%n", k, v)));
    long unweighted = lineage.stream().filter(l -> l.weight() == null).count();
    s.append(String.format("lineage  links without a known weight: %,d (apportion by population)%n",
        unweighted));
    s.append(String.format("repairs  old communes added from the lineage: %d; district links kept: %d%n",
        addedOldCommunes, districtLinks));
    notes.forEach(n -> s.append("  ").append(n).append(System.lineSeparator()));
    return s.toString();
  }
}
