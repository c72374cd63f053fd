package vn.danvan.etl.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.danvan.contract.Boundaries;
import vn.danvan.etl.regions.AdminUnits;
import vn.danvan.etl.regions.LineageRow;
import vn.danvan.etl.regions.Provinces;
import vn.danvan.etl.regions.RegionRow;

/**
 * A made-up but structurally faithful set of units for when the public admin-unit files are not
 * at hand (a fresh clone without ../shared): the real 63 and 34 provinces the project ships, about
 * 11 districts per old province and 15 communes per district, and new communes formed from about
 * three old ones each, with full links and some partial ones. Codes follow the GSO habit of
 * stepping by three, and about one new commune in ten takes a code no old commune had, so that
 * "a code valid only after the reform" exists here as it does in the real lists.
 */
final class SyntheticUnits {
  private SyntheticUnits() {}

  static final LocalDate OLD_FROM = LocalDate.of(2008, 8, 1);
  static final LocalDate OLD_TO = Boundaries.REFORM.minusDays(1);

  static AdminUnits build(long seed) {
    SplittableRandom rnd = new SplittableRandom(Rng.seed(seed, "synthetic-units"));
    List<RegionRow> oldProvinces = new ArrayList<>();
    List<RegionRow> newProvinces = new ArrayList<>();
    for (RegionRow p : Provinces.regions()) {
      (p.validTo() == null ? newProvinces : oldProvinces).add(p);
    }
    List<RegionRow> districts = new ArrayList<>();
    List<RegionRow> oldCommunes = new ArrayList<>();
    Map<String, List<RegionRow>> communesOfProvince = new LinkedHashMap<>();
    int districtSeq = 0;
    int communeSeq = 0;
    for (RegionRow p : oldProvinces) {
      String shortName = p.name().replaceFirst("^(Tỉnh|Thành phố) ", "");
      List<RegionRow> mine = new ArrayList<>();
      int nd = Rng.between(rnd, 8, 14);
      for (int d = 1; d <= nd; d++) {
        String districtCode = String.format("%03d", ++districtSeq);
        boolean town = d == 1;
        districts.add(new RegionRow(districtCode, (town ? "Thành phố " : "Huyện ") + shortName + " "
            + d, "district", p.code(), OLD_FROM, OLD_TO, null));
        int nc = Rng.between(rnd, 10, 20);
        for (int c = 1; c <= nc; c++) {
          communeSeq += 3;
          String kind = town ? "Phường " : c == 1 ? "Thị trấn " : "Xã ";
          RegionRow commune = new RegionRow(String.format("%05d", communeSeq),
              kind + shortName + " " + d + "-" + c, "commune", districtCode, OLD_FROM, OLD_TO, null);
          oldCommunes.add(commune);
          mine.add(commune);
        }
      }
      communesOfProvince.put(p.code(), mine);
    }
    Map<String, List<String>> oldProvincesOf = new LinkedHashMap<>();
    for (LineageRow l : Provinces.lineage()) {
      oldProvincesOf.computeIfAbsent(l.newCode(), k -> new ArrayList<>()).add(l.oldCode());
    }
    List<RegionRow> newCommunes = new ArrayList<>();
    List<LineageRow> links = new ArrayList<>();
    for (RegionRow p : newProvinces) {
      List<RegionRow> pool = new ArrayList<>();
      for (String o : oldProvincesOf.getOrDefault(p.code(), List.of())) {
        pool.addAll(communesOfProvince.getOrDefault(o, List.of()));
      }
      int i = 0;
      int n = 0;
      while (i < pool.size()) {
        int size = Math.min(Rng.between(rnd, 2, 4), pool.size() - i);
        List<RegionRow> members = pool.subList(i, i + size);
        RegionRow first = members.get(0);
        int code = Integer.parseInt(first.code()) + (Rng.chance(rnd, 0.1) ? 1 : 0);
        String newCode = String.format("%05d", code);
        newCommunes.add(new RegionRow(newCode, (first.name().startsWith("Phường") ? "Phường " : "Xã ")
            + p.name().replaceFirst("^(Tỉnh|Thành phố) ", "") + " " + (++n), "commune", p.code(),
            Boundaries.REFORM, null, null));
        for (RegionRow m : members) {
          links.add(new LineageRow(m.code(), newCode, Boundaries.REFORM, "full", null));
        }
        // Now and then the next old commune is split: part of it joins this new commune too.
        if (i + size < pool.size() && Rng.chance(rnd, 0.12)) {
          links.add(new LineageRow(pool.get(i + size).code(), newCode, Boundaries.REFORM, "partial", null));
        }
        i += size;
      }
    }
    List<LineageRow> lineage = new ArrayList<>(Provinces.lineage());
    lineage.addAll(weighted(links));
    List<RegionRow> regions = new ArrayList<>();
    regions.addAll(oldProvinces);
    regions.addAll(districts);
    regions.addAll(oldCommunes);
    regions.addAll(newProvinces);
    regions.addAll(newCommunes);
    return new AdminUnits(regions, lineage, 0, 0,
        List.of("synthetic units: no admin-unit reference files were found"));
  }

  /**
   * Marks every link of an old commune that was split as partial (weight unknown) and gives a full
   * link weight 1, as the import of the real files does.
   */
  private static List<LineageRow> weighted(List<LineageRow> links) {
    Map<String, Integer> count = new HashMap<>();
    links.forEach(l -> count.merge(l.oldCode(), 1, Integer::sum));
    List<LineageRow> out = new ArrayList<>();
    for (LineageRow l : links) {
      boolean split = count.get(l.oldCode()) > 1;
      out.add(new LineageRow(l.oldCode(), l.newCode(), l.effectiveDate(), split ? "partial" : "full",
          split ? null : 1.0));
    }
    return out;
  }
}
