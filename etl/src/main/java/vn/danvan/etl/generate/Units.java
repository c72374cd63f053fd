package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import vn.danvan.etl.regions.AdminUnits;
import vn.danvan.etl.regions.LineageRow;
import vn.danvan.etl.regions.RegionRow;

/**
 * Both eras' units, the population each unit is given, and the pools of codes used to plant
 * region errors: codes no unit ever had, and codes that exist in one era only (codes are reused
 * across the reform, so only a code absent from the other era is surely invalid on a date).
 */
final class Units {
  final AdminUnits admin;
  /** Where the units came from, for the console and the manifest. */
  final String source;
  final boolean synthetic;
  final EraUnits old;
  final EraUnits current;
  /** 2019 population by code, per era (codes are unique within an era). */
  final Map<String, Long> oldPopulation;
  final Map<String, Long> newPopulation;
  private final Map<Integer, List<String>> unknown = new HashMap<>();
  private final Map<Integer, List<String>> oldOnly = new HashMap<>();
  private final Map<Integer, List<String>> newOnly = new HashMap<>();
  private final List<String> newProvinces = new ArrayList<>();
  private final List<String> newCommunes = new ArrayList<>();

  Units(AdminUnits admin, String source, boolean synthetic, long seed) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.source = Objects.requireNonNull(source, "source");
    this.synthetic = synthetic;
    List<RegionRow> oldRows = new ArrayList<>();
    List<RegionRow> newRows = new ArrayList<>();
    for (RegionRow r : admin.regions()) {
      (r.validTo() == null ? newRows : oldRows).add(r);
    }
    oldPopulation = oldPopulation(oldRows, seed);
    newPopulation = newPopulation(newRows, admin.lineage(), oldPopulation, seed);
    old = new EraUnits(Era.OLD, oldRows, oldPopulation);
    current = new EraUnits(Era.NEW, newRows, newPopulation);
    Set<String> oldCodes = new HashSet<>();
    oldRows.forEach(r -> oldCodes.add(r.code()));
    Set<String> newCodes = new HashSet<>();
    newRows.forEach(r -> newCodes.add(r.code()));
    for (RegionRow r : oldRows) {
      if (!newCodes.contains(r.code())) {
        oldOnly.computeIfAbsent(r.code().length(), k -> new ArrayList<>()).add(r.code());
      }
    }
    for (RegionRow r : newRows) {
      if (!oldCodes.contains(r.code())) {
        newOnly.computeIfAbsent(r.code().length(), k -> new ArrayList<>()).add(r.code());
      }
      (r.level().equals("province") ? newProvinces : newCommunes).add(r.code());
    }
    for (int[] shape : new int[][] {{2, 1, 99, 1}, {3, 1, 999, 1}, {5, 90_001, 99_999, 97}}) {
      List<String> codes = new ArrayList<>();
      for (int c = shape[1]; c <= shape[2]; c += shape[3]) {
        String code = String.format("%0" + shape[0] + "d", c);
        if (!oldCodes.contains(code) && !newCodes.contains(code)) {
          codes.add(code);
        }
      }
      unknown.put(shape[0], codes);
    }
  }

  EraUnits of(Era era) {
    return era == Era.OLD ? old : current;
  }

  /** A code no unit ever had, as long as {@code like} (2, 3 or 5 digits). */
  String unknownCode(String like, SplittableRandom rnd) {
    List<String> pool = unknown.getOrDefault(like.length(), unknown.get(5));
    return pool.get(rnd.nextInt(pool.size()));
  }

  /**
   * A code that exists only in the other era than {@code era}, as long as {@code like} when there
   * is one; null when the other era has no code of its own (the plant is then skipped).
   */
  String otherEraOnly(Era era, String like, SplittableRandom rnd) {
    Map<Integer, List<String>> pools = era == Era.OLD ? newOnly : oldOnly;
    List<String> pool = pools.get(like.length());
    if (pool == null || pool.isEmpty()) {
      pool = pools.getOrDefault(era == Era.OLD ? 5 : 3, List.of());
    }
    return pool.isEmpty() ? null : pool.get(rnd.nextInt(pool.size()));
  }

  /** A code of a unit valid from 2025-07-01 without end: a province for 2 digits, else a commune. */
  String openEndedCode(String like, SplittableRandom rnd) {
    List<String> pool = like.length() == 2 ? newProvinces : newCommunes;
    return pool.get(rnd.nextInt(pool.size()));
  }

  private static Map<String, Long> oldPopulation(List<RegionRow> rows, long seed) {
    Map<String, Long> pop = new HashMap<>();
    Map<String, String> parent = new HashMap<>();
    Map<String, String> level = new HashMap<>();
    for (RegionRow r : rows) {
      level.put(r.code(), r.level());
      parent.put(r.code(), r.parentCode());
    }
    for (RegionRow r : rows) {
      if (r.level().equals("commune")) {
        SplittableRandom rnd = new SplittableRandom(Rng.seed(seed, "pop", r.code()));
        boolean urban = r.name().startsWith("Phường") || r.name().startsWith("Thị trấn");
        pop.put(r.code(), Math.round(Rng.lognormal(rnd, 7_000, 0.55) * (urban ? 1.8 : 1)));
      }
    }
    // Districts and provinces are the sums of their communes, so shares and rates add up.
    for (RegionRow r : rows) {
      if (r.level().equals("commune") && r.parentCode() != null) {
        long p = pop.get(r.code());
        String up = r.parentCode();
        while (up != null) {
          pop.merge(up, p, Long::sum);
          up = "district".equals(level.get(up)) ? parent.get(up) : null;
        }
      }
    }
    for (RegionRow r : rows) {
      if (!pop.containsKey(r.code())) {
        // Island districts have no communes in the sources; they get a small population of their own.
        long p = Math.round(Rng.lognormal(new SplittableRandom(Rng.seed(seed, "pop", r.code())), 15_000, 0.5));
        pop.put(r.code(), p);
        if ("district".equals(r.level()) && r.parentCode() != null) {
          pop.merge(r.parentCode(), p, Long::sum);
        }
      }
    }
    return pop;
  }

  private static Map<String, Long> newPopulation(List<RegionRow> rows, List<LineageRow> lineage,
      Map<String, Long> oldPop, long seed) {
    Map<String, Integer> linksOfOld = new HashMap<>();
    Map<String, List<String>> formedFrom = new LinkedHashMap<>();
    for (LineageRow l : lineage) {
      if (l.newCode().length() == 5) {
        linksOfOld.merge(l.oldCode(), 1, Integer::sum);
        formedFrom.computeIfAbsent(l.newCode(), k -> new ArrayList<>()).add(l.oldCode());
      }
    }
    Map<String, Long> pop = new HashMap<>();
    for (RegionRow r : rows) {
      if (!r.level().equals("commune")) {
        continue;
      }
      double sum = 0;
      // A partial link without a known weight shares the old unit equally among its new units.
      for (String o : formedFrom.getOrDefault(r.code(), List.of())) {
        sum += oldPop.getOrDefault(o, 0L) / (double) linksOfOld.get(o);
      }
      if (sum <= 0) {
        sum = Rng.lognormal(new SplittableRandom(Rng.seed(seed, "pop-new", r.code())), 20_000, 0.4);
      }
      pop.put(r.code(), Math.round(sum));
      if (r.parentCode() != null) {
        pop.merge(r.parentCode(), Math.round(sum), Long::sum);
      }
    }
    for (RegionRow r : rows) {
      pop.putIfAbsent(r.code(), 1_000_000L);
    }
    return pop;
  }
}
