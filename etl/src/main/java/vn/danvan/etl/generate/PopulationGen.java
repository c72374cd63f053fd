package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.TaskOut.TaskResult;
import vn.danvan.etl.regions.RegionRow;

/**
 * {@code population}: every province, district and commune of each year. Years before 2025 use the
 * old units; 2025 the new ones (the key is code and year, and codes are reused across the reform,
 * so one year cannot hold both). Communes grow at their own rate; districts and provinces are the
 * sums of their communes, so that restating by population weights adds up.
 */
final class PopulationGen {
  private PopulationGen() {}

  static List<Callable<TaskResult>> tasks(GenerateConfig config, Units units) {
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    for (int year = config.firstYear(); year <= config.lastYear(); year++) {
      int y = year;
      tasks.add(() -> write(config, units, y));
    }
    return tasks;
  }

  private static TaskResult write(GenerateConfig config, Units units, int year) throws Exception {
    boolean old = year < 2025;
    List<RegionRow> rows = units.admin.regions().stream()
        .filter(r -> (r.validTo() != null) == old).toList();
    Map<String, Long> pop = of(rows, old ? units.oldPopulation : units.newPopulation, year, config.seed());
    Plan plan = Plan.clean(Table.POPULATION);
    try (TaskOut out = new TaskOut(config, units, "population", year)) {
      RowSink sink = out.open(Table.POPULATION, year + ".csv", Layout.bom(year));
      String y = Integer.toString(year);
      for (RegionRow r : rows) {
        out.emit(plan, sink, new String[] {r.code(), y, Long.toString(pop.get(r.code()))}, null);
      }
      return out.finish();
    }
  }

  /** Population of {@code year}: communes grown from their 2019 base, the levels above summed. */
  static Map<String, Long> of(List<RegionRow> rows, Map<String, Long> base, int year, long seed) {
    Map<String, RegionRow> byCode = new HashMap<>();
    Set<String> withChildren = new HashSet<>();
    for (RegionRow r : rows) {
      byCode.put(r.code(), r);
      if (r.parentCode() != null) {
        withChildren.add(r.parentCode());
      }
    }
    Map<String, Long> pop = new HashMap<>();
    for (RegionRow r : rows) {
      // Leaves are communes, and the island districts that have no communes in the sources.
      if (r.level().equals("province") || withChildren.contains(r.code())) {
        continue;
      }
      double growth = 0.004 + 0.011 * ((Rng.seed(seed, "growth", r.code()) >>> 11) * 0x1.0p-53);
      long p = Math.round(base.getOrDefault(r.code(), 1_000L) * Math.pow(1 + growth, year - 2019));
      pop.merge(r.code(), p, Long::sum);
      RegionRow up = r.parentCode() == null ? null : byCode.get(r.parentCode());
      while (up != null) {
        pop.merge(up.code(), p, Long::sum);
        up = up.parentCode() == null ? null : byCode.get(up.parentCode());
      }
    }
    rows.forEach(r -> pop.putIfAbsent(r.code(), base.getOrDefault(r.code(), 1_000L)));
    return pop;
  }
}
