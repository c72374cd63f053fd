package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.etl.regions.RegionRow;

/**
 * The units of one era as parallel arrays, so that row generators pick a province, district or
 * commune by index without maps or boxing. Population is the 2019 base each unit was given.
 */
final class EraUnits {
  final Era era;
  final String[] provinceCode;
  final String[] provinceName;
  final long[] provincePop;
  final boolean[] border;
  final String[] districtCode;
  final String[] districtName;
  final long[] districtPop;
  final int[] districtProvince;
  final String[] communeCode;
  final String[] communeName;
  final long[] communePop;
  /** Index of the commune's province, -1 when the sources do not say (never drawn from). */
  final int[] communeProvince;
  /** Index of the commune's district, -1 for new communes and communes directly under a province. */
  final int[] communeDistrict;
  /** Number of communes of each district. */
  final int[] communesInDistrict;
  final int[][] districtsOf;
  final int[][] communesOf;
  final double meanProvincePop;

  EraUnits(Era era, List<RegionRow> rows, Map<String, Long> population) {
    this.era = era;
    List<RegionRow> provinces = new ArrayList<>();
    List<RegionRow> districts = new ArrayList<>();
    List<RegionRow> communes = new ArrayList<>();
    for (RegionRow r : rows) {
      switch (r.level()) {
        case "province" -> provinces.add(r);
        case "district" -> districts.add(r);
        default -> communes.add(r);
      }
    }
    Map<String, Integer> provinceIndex = new HashMap<>();
    provinceCode = new String[provinces.size()];
    provinceName = new String[provinces.size()];
    provincePop = new long[provinces.size()];
    border = new boolean[provinces.size()];
    for (int i = 0; i < provinces.size(); i++) {
      RegionRow p = provinces.get(i);
      provinceIndex.put(p.code(), i);
      provinceCode[i] = p.code();
      provinceName[i] = p.name();
      provincePop[i] = population.getOrDefault(p.code(), 0L);
      border[i] = p.specialArea() != null && p.specialArea().contains("border");
    }
    Map<String, Integer> districtIndex = new HashMap<>();
    districtCode = new String[districts.size()];
    districtName = new String[districts.size()];
    districtPop = new long[districts.size()];
    districtProvince = new int[districts.size()];
    for (int i = 0; i < districts.size(); i++) {
      RegionRow d = districts.get(i);
      districtIndex.put(d.code(), i);
      districtCode[i] = d.code();
      districtName[i] = d.name();
      districtPop[i] = population.getOrDefault(d.code(), 0L);
      districtProvince[i] = provinceIndex.getOrDefault(d.parentCode(), -1);
    }
    communeCode = new String[communes.size()];
    communeName = new String[communes.size()];
    communePop = new long[communes.size()];
    communeProvince = new int[communes.size()];
    communeDistrict = new int[communes.size()];
    communesInDistrict = new int[districts.size()];
    for (int i = 0; i < communes.size(); i++) {
      RegionRow c = communes.get(i);
      communeCode[i] = c.code();
      communeName[i] = c.name();
      communePop[i] = population.getOrDefault(c.code(), 0L);
      String parent = c.parentCode();
      int province = -1;
      communeDistrict[i] = -1;
      if (parent != null && districtIndex.containsKey(parent)) {
        int d = districtIndex.get(parent);
        province = districtProvince[d];
        communeDistrict[i] = d;
        communesInDistrict[d]++;
      } else if (parent != null) {
        province = provinceIndex.getOrDefault(parent, -1);
      }
      communeProvince[i] = province;
    }
    districtsOf = group(districtProvince, provinces.size());
    communesOf = group(communeProvince, provinces.size());
    double total = 0;
    for (long p : provincePop) {
      total += p;
    }
    meanProvincePop = provinces.isEmpty() ? 1 : total / provinces.size();
  }

  private static int[][] group(int[] provinceOf, int provinces) {
    int[] counts = new int[provinces];
    for (int p : provinceOf) {
      if (p >= 0) {
        counts[p]++;
      }
    }
    int[][] out = new int[provinces][];
    for (int p = 0; p < provinces; p++) {
      out[p] = new int[counts[p]];
    }
    int[] fill = new int[provinces];
    for (int i = 0; i < provinceOf.length; i++) {
      int p = provinceOf[i];
      if (p >= 0) {
        out[p][fill[p]++] = i;
      }
    }
    return out;
  }

  int provinces() {
    return provinceCode.length;
  }

  /** The province's size relative to the mean old province (1.0 = an average province of 2019). */
  double size(int province, double oldMeanPop) {
    return Math.max(0.05, provincePop[province] / oldMeanPop);
  }

  /** Province index by code, -1 if absent. */
  int province(String code) {
    for (int i = 0; i < provinceCode.length; i++) {
      if (provinceCode[i].equals(code)) {
        return i;
      }
    }
    return -1;
  }
}
