package vn.danvan.etl.external;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * External province scores onto the mart's two boundary modes. As reported: each value of an old
 * province as it is. Restated onto the 34 provinces of 2025: a score is not additive, so a new
 * province's value is the population-weighted mean of the old provinces merged into it (the
 * province lineage the marts use). The weights are the old provinces' populations (the
 * {@code population} mart, reported mode) of the same year, else of the nearest year in which
 * every one of them has a figure (the later one on a tie), else equal; such values carry
 * {@code exact=false} and the method ({@code population} or {@code equal}). A new province formed
 * from one old province takes its value whole (exact). Where any merged province has no value
 * for the year there is no restated value: a mean over part of the area is not the area's score.
 */
final class Restatement {
  private Restatement() {}

  /**
   * @param links old province → the new province it became part of
   * @param population old province → year → inhabitants
   */
  static List<MartRow> rows(List<ExternalValue> values, Map<String, String> links,
      Map<String, Map<Integer, Double>> population) {
    List<MartRow> out = new ArrayList<>();
    Map<String, Map<String, Double>> byIndicatorYear = new TreeMap<>();
    for (ExternalValue v : values) {
      if (v.blank()) {
        continue;
      }
      out.add(new MartRow(v.indicator(), MartRow.REPORTED, v.regionCode(), v.year(), v.value(), true, null));
      byIndicatorYear.computeIfAbsent(v.indicator() + "|" + v.year(), k -> new HashMap<>())
          .put(v.regionCode(), v.value());
    }
    Map<String, List<String>> members = new TreeMap<>();
    links.forEach((old, neu) -> members.computeIfAbsent(neu, k -> new ArrayList<>()).add(old));
    members.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    byIndicatorYear.forEach((key, byOld) -> {
      String indicator = key.substring(0, key.indexOf('|'));
      int year = Integer.parseInt(key.substring(key.indexOf('|') + 1));
      members.forEach((neu, olds) -> {
        if (!olds.stream().allMatch(byOld::containsKey)) {
          return;
        }
        if (olds.size() == 1) {
          out.add(new MartRow(indicator, MartRow.RESTATED, neu, year, byOld.get(olds.get(0)), true, null));
          return;
        }
        Integer weightYear = weightYear(olds, year, population);
        double sum = 0;
        double weights = 0;
        for (String old : olds) {
          double w = weightYear == null ? 1.0 : population.get(old).get(weightYear);
          sum += w * byOld.get(old);
          weights += w;
        }
        out.add(new MartRow(indicator, MartRow.RESTATED, neu, year, sum / weights, false,
            weightYear == null ? "equal" : "population"));
      });
    });
    return out;
  }

  /** The year whose populations weigh {@code olds} for {@code year}; null when there is none. */
  static Integer weightYear(List<String> olds, int year, Map<String, Map<Integer, Double>> population) {
    Objects.requireNonNull(population, "population");
    Integer best = null;
    Map<Integer, Double> first = population.getOrDefault(olds.get(0), Map.of());
    for (int y : first.keySet()) {
      boolean all = olds.stream().allMatch(o -> {
        Double p = population.getOrDefault(o, Map.of()).get(y);
        return p != null && p > 0;
      });
      if (all && (best == null || Math.abs(y - year) < Math.abs(best - year)
          || Math.abs(y - year) == Math.abs(best - year) && y > best)) {
        best = y;
      }
    }
    return best;
  }
}
