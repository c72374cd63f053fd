package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_date;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.catalogue.Indicator;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Level;

/**
 * The region half of "the nearest report wins" (docs/marts.md), bottom-up through both eras'
 * trees: a node's value is its own report if it has one, else its children's values plus the
 * records naming it; then the ratios of those values.
 *
 * <p>The trees are small (some 14,000 nodes) and every figure of a calendar year depends only on
 * that year's reports and records, so the facts are shuffled once, into one group per year and
 * family of indicators (an indicator with the operands of its ratios), and each group is rolled up
 * here in memory: records are spread onto the grains, then each slice (indicator, reporting unit,
 * grain, period) walks the trees. A value carries {@code rep} / {@code rec} (a report / records
 * went into it) and {@code mrank} (the least precise apportioning used: 0 none, 1 weight, 2
 * population, 3 equal).
 */
final class Rollup implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String NATION = Level.NATION_CODE;
  private static final String REPORTED = Boundaries.REPORTED.code();
  private static final String RESTATED = Boundaries.RESTATED_2025.code();
  /** The rows of a rolled-up group; {@link #run} turns {@code tday} (epoch day) into the date {@code tstart}. */
  static final StructType OUTPUT = new StructType().add("boundaries", DataTypes.StringType)
      .add("level", DataTypes.StringType).add("code", DataTypes.StringType)
      .add("indicator", DataTypes.StringType).add("grain", DataTypes.IntegerType)
      .add("tday", DataTypes.IntegerType).add("value", DataTypes.DoubleType)
      .add("rep", DataTypes.BooleanType).add("rec", DataTypes.BooleanType)
      .add("mrank", DataTypes.IntegerType);

  /** An old or new node's parent of the same era. */
  private final Map<String, String> oldParent = new HashMap<>();
  private final Map<String, String> newParent = new HashMap<>();
  /** Codes of the new era's communes and provinces. */
  private final Set<String> newCommuneCodes = new HashSet<>();
  private final Set<String> newProvinceCodes = new HashSet<>();
  /** Old communes onto new communes, old communes onto new provinces, old provinces into new. */
  private final Map<String, List<Link>> communeShares = new HashMap<>();
  private final Map<String, List<Link>> provinceShares = new HashMap<>();
  private final Map<String, List<Link>> provinceLinks = new HashMap<>();
  /** Ratio indicators by their numerator; each indicator's family (the group it is rolled in). */
  private final List<Ratio> ratios = new ArrayList<>();
  private final Map<String, String> family = new HashMap<>();

  record Link(String to, double share, int mrank) implements Serializable {}

  record Ratio(String code, String numerator, String denominator, double scale) implements Serializable {}

  /**
   * @param nodes {@code code, era, parent_code}: one row per code and era
   * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
   * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
   */
  Rollup(List<Row> nodes, List<Row> communeShares, List<Row> provinceLinks, List<Indicator> catalogue) {
    for (Row n : nodes) {
      String code = n.getAs("code");
      boolean isNew = Facts.NEW.equals(n.getAs("era"));
      String parent = n.getAs("parent_code");
      if (parent != null) {
        (isNew ? newParent : oldParent).put(code, parent);
      }
      if (isNew && code.length() == 5) {
        newCommuneCodes.add(code);
      } else if (isNew && code.length() == 2) {
        newProvinceCodes.add(code);
      }
    }
    for (Row l : communeShares) {
      this.communeShares.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>())
          .add(new Link(l.getAs("new_code"), l.getAs("share"), l.<Integer>getAs("mrank")));
    }
    this.communeShares.forEach((old, links) -> provinceShares.put(old, provinceShares(links)));
    for (Row l : provinceLinks) {
      this.provinceLinks.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>())
          .add(new Link(l.getAs("new_code"), 1.0, 0));
    }
    for (Indicator i : catalogue) {
      family.put(i.code(), i.code());
    }
    for (Indicator i : catalogue) {
      i.ratioOperands().ifPresent(ops -> {
        ratios.add(new Ratio(i.code(), ops.get(0), ops.get(1), "%".equals(i.unit()) ? 100.0 : 1.0));
        String f = family.get(ops.get(1));
        family.replaceAll((code, g) -> g.equals(family.get(ops.get(0))) || g.equals(family.get(i.code())) ? f : g);
      });
    }
  }

  /**
   * Every output row ({@link #OUTPUT}, with {@code tstart} a date instead of {@code tday}) of both
   * modes, summed over reporting units, ratios included.
   *
   * @param own {@code code, era, indicator, unit, grain, tstart, value}: own reports per target
   *     period ({@link Precedence#ownReports})
   * @param records {@code code, era, indicator, unit, ngrain, pstart, value}: records per native
   *     period ({@link Precedence#records})
   */
  Dataset<Row> run(Dataset<Row> own, Dataset<Row> records) {
    Dataset<Row> facts = own.select(lit(true).as("own"), col("code"), col("era").equalTo(Facts.NEW).as("new"),
            col("indicator"), col("unit"), col("grain"), unix_date(col("tstart")).as("day"), col("value"))
        .unionByName(records.select(lit(false).as("own"), col("code"), col("era").equalTo(Facts.NEW).as("new"),
            col("indicator"), col("unit"), col("ngrain").as("grain"), unix_date(col("pstart")).as("day"),
            col("value")));
    MapFunction<Row, String> group = r -> family.getOrDefault(r.<String>getAs("indicator"), r.getAs("indicator"))
        + "|" + LocalDate.ofEpochDay(r.<Integer>getAs("day")).getYear();
    FlatMapGroupsFunction<String, Row, Row> roll = (key, rows) -> rollGroup(rows);
    return facts.groupByKey(group, Encoders.STRING()).flatMapGroups(roll, Encoders.row(OUTPUT))
        .withColumn("tstart", date_from_unix_date(col("tday"))).drop("tday");
  }

  /** A figure with what went into it. */
  private static final class V {
    double value;
    boolean rep;
    boolean rec;
    int mrank;

    V add(V v, double share, int linkRank) {
      value += v.value * share;
      rep |= v.rep;
      rec |= v.rec;
      mrank = Math.max(mrank, Math.max(v.mrank, linkRank));
      return this;
    }
  }

  /** What is measured when, for one reporting unit: the facts of one tree walk. */
  private record Slice(String indicator, String unit, int grain, int day) {}

  /** One output series point's key, summed over reporting units. */
  private record Point(String indicator, int grain, int day) {}

  private record Place(String boundaries, String level, String code) {}

  /** A slice's own reports and records, by era and code. */
  private static final class Facts4 {
    final Map<String, V> ownOld = new HashMap<>();
    final Map<String, V> ownNew = new HashMap<>();
    final Map<String, V> recOld = new HashMap<>();
    final Map<String, V> recNew = new HashMap<>();

    void add(boolean own, boolean isNew, String code, double value) {
      Map<String, V> m = own ? (isNew ? ownNew : ownOld) : (isNew ? recNew : recOld);
      V v = m.computeIfAbsent(code, c -> new V());
      v.value += value;
      v.rep |= own;
      v.rec |= !own;
    }
  }

  private Iterator<Row> rollGroup(Iterator<Row> rows) {
    Map<Slice, Facts4> slices = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      boolean own = r.getAs("own");
      boolean isNew = r.getAs("new");
      String code = r.getAs("code");
      String indicator = r.getAs("indicator");
      String unit = r.getAs("unit");
      int grain = r.getAs("grain");
      int day = r.getAs("day");
      double value = r.getAs("value");
      if (own) {
        slices.computeIfAbsent(new Slice(indicator, unit, grain, day), s -> new Facts4())
            .add(true, isNew, code, value);
        continue;
      }
      LocalDate start = LocalDate.ofEpochDay(day);
      for (int g = Math.max(grain, Grain.MONTH.rank()); g <= Grain.YEAR.rank(); g++) {
        slices.computeIfAbsent(new Slice(indicator, unit, g, (int) Grain.ofRank(g).periodStart(start).toEpochDay()),
            s -> new Facts4()).add(false, isNew, code, value);
      }
    }
    Map<Point, Map<Place, V>> out = new HashMap<>();
    slices.forEach((s, f) -> walk(f, out.computeIfAbsent(new Point(s.indicator(), s.grain(), s.day()),
        p -> new HashMap<>())));
    addRatios(out);
    List<Row> result = new ArrayList<>();
    out.forEach((p, places) -> places.forEach((place, v) -> result.add(RowFactory.create(place.boundaries(),
        place.level(), place.code(), p.indicator(), p.grain(), p.day(), v.value, v.rep, v.rec, v.mrank))));
    return result.iterator();
  }

  /** One slice through both eras' trees, added into the output of its point. */
  private void walk(Facts4 f, Map<Place, V> out) {
    Map<String, V> districtRecords = at(f.recOld, 3);
    Map<String, V> oldProvinceRecords = at(f.recOld, 2);
    Map<String, V> newCommuneRecords = at(f.recNew, 5);
    Map<String, V> oldCommunes = combine(f.ownOld, 5, at(f.recOld, 5));
    Map<String, V> districts = combine(f.ownOld, 3, sum(up(oldCommunes, oldParent, 3), districtRecords));
    Map<String, V> oldProvinces = combine(f.ownOld, 2,
        sum(up(districts, oldParent, 2), up(oldCommunes, oldParent, 2), oldProvinceRecords));
    Map<String, V> newCommunes = combine(f.ownNew, 5, newCommuneRecords);
    Map<String, V> newProvinceParts = sum(up(newCommunes, newParent, 2), at(f.recNew, 2));
    // Restated, an old commune's figures follow its own lineage when nothing above it reported
    // (it may have moved to another new province than its old one); the rest of an old province's
    // figure (its own report, or its districts' reports and records, its own records and the
    // communes without lineage) moves whole with the province.
    Map<String, V> unlinked = new HashMap<>();
    Map<String, V> free = new HashMap<>();
    oldCommunes.forEach((code, v) -> {
      if (!communeShares.containsKey(code)) {
        unlinked.put(code, v);
      } else if (!belowAReport(code, f.ownOld)) {
        free.put(code, v);
      }
    });
    Map<String, V> districtRest = combine(f.ownOld, 3, sum(up(unlinked, oldParent, 3), districtRecords));
    Map<String, V> provinceRest = combine(f.ownOld, 2,
        sum(up(districtRest, oldParent, 2), up(unlinked, oldParent, 2), oldProvinceRecords));
    Map<String, V> provinces2025 = combine(f.ownNew, 2, sum(newProvinceParts,
        through(provinceRest, provinceLinks), through(free, provinceShares)));
    Map<String, V> communes2025 = combine(f.ownNew, 5, sum(newCommuneRecords, through(oldCommunes, communeShares)));
    // As reported, a code of both eras is one series, its new unit standing for its old one
    Map<String, V> provincesReported = combine(f.ownNew, 2,
        sum(newProvinceParts, sameCode(oldProvinces, newProvinceCodes, true)));
    Map<String, V> communesReported = combine(f.ownNew, 5,
        sum(newCommuneRecords, sameCode(oldCommunes, newCommuneCodes, true)));
    V nation = new V();
    provinces2025.values().forEach(v -> nation.add(v, 1.0, 0));

    if (!provinces2025.isEmpty()) {
      emit(out, REPORTED, "nation", Map.of(NATION, nation));
      emit(out, RESTATED, "nation", Map.of(NATION, nation));
    }
    emit(out, REPORTED, "province", provincesReported);
    emit(out, REPORTED, "province", sameCode(oldProvinces, newProvinceCodes, false));
    emit(out, REPORTED, "district", districts);
    emit(out, REPORTED, "commune", communesReported);
    emit(out, REPORTED, "commune", sameCode(oldCommunes, newCommuneCodes, false));
    emit(out, RESTATED, "province", provinces2025);
    emit(out, RESTATED, "commune", communes2025);
  }

  private static void emit(Map<Place, V> out, String boundaries, String level, Map<String, V> values) {
    values.forEach((code, v) -> out.computeIfAbsent(new Place(boundaries, level, code), p -> new V()).add(v, 1.0, 0));
  }

  /** Ratio indicators from their operands' values of the same mode, region and period. */
  private void addRatios(Map<Point, Map<Place, V>> out) {
    Map<Point, Map<Place, V>> added = new HashMap<>();
    out.forEach((p, numerators) -> {
      for (Ratio r : ratios) {
        if (!r.numerator().equals(p.indicator())) {
          continue;
        }
        Map<Place, V> denominators = out.get(new Point(r.denominator(), p.grain(), p.day()));
        if (denominators == null) {
          continue;
        }
        Map<Place, V> values = added.computeIfAbsent(new Point(r.code(), p.grain(), p.day()), k -> new HashMap<>());
        numerators.forEach((place, num) -> {
          V den = denominators.get(place);
          if (den != null && den.value > 0) {
            V v = new V().add(num, 1.0, 0).add(den, 0.0, 0);
            v.value = num.value / den.value * r.scale();
            values.put(place, v);
          }
        });
      }
    });
    added.forEach((p, values) -> out.merge(p, values, (a, b) -> {
      b.forEach((place, v) -> a.merge(place, v, (x, y) -> x.add(y, 1.0, 0)));
      return a;
    }));
  }

  /** The node's own report where it has one, else what its parts add up to. */
  private static Map<String, V> combine(Map<String, V> own, int codeLength, Map<String, V> inner) {
    Map<String, V> m = new HashMap<>(inner);
    m.putAll(at(own, codeLength));
    return m;
  }

  /** Sums the values of the same code; what went into any part went into the sum. */
  @SafeVarargs
  private static Map<String, V> sum(Map<String, V>... parts) {
    Map<String, V> m = new HashMap<>();
    for (Map<String, V> part : parts) {
      part.forEach((code, v) -> m.computeIfAbsent(code, c -> new V()).add(v, 1.0, 0));
    }
    return m;
  }

  private static Map<String, V> at(Map<String, V> values, int codeLength) {
    Map<String, V> m = new HashMap<>();
    values.forEach((code, v) -> {
      if (code.length() == codeLength) {
        m.put(code, v);
      }
    });
    return m;
  }

  /** Values moved onto their node's parent where that has {@code parentLength}; else dropped. */
  private static Map<String, V> up(Map<String, V> values, Map<String, String> parents, int parentLength) {
    Map<String, V> m = new HashMap<>();
    values.forEach((code, v) -> {
      String p = parents.get(code);
      if (p != null && p.length() == parentLength) {
        m.computeIfAbsent(p, c -> new V()).add(v, 1.0, 0);
      }
    });
    return m;
  }

  /** Old nodes' values carried onto new ones by their links, each its share. */
  private static Map<String, V> through(Map<String, V> old, Map<String, List<Link>> links) {
    Map<String, V> m = new HashMap<>();
    old.forEach((code, v) -> {
      for (Link l : links.getOrDefault(code, List.of())) {
        m.computeIfAbsent(l.to(), c -> new V()).add(v, l.share(), l.mrank());
      }
    });
    return m;
  }

  /** Whether an old commune's district or province has an own report in the slice. */
  private boolean belowAReport(String commune, Map<String, V> ownOld) {
    String parent = oldParent.get(commune);
    if (parent == null) {
      return false;
    }
    String province = parent.length() == 2 ? parent : oldParent.get(parent);
    boolean district = parent.length() == 3 && ownOld.containsKey(parent);
    return district || province != null && (province.length() == 2 || province.length() == 3)
        && ownOld.containsKey(province);
  }

  /** Old nodes whose code a new unit of the same level took over ({@code taken}), or the others. */
  private static Map<String, V> sameCode(Map<String, V> old, Set<String> newCodes, boolean taken) {
    Map<String, V> m = new HashMap<>();
    old.forEach((code, v) -> {
      if (newCodes.contains(code) == taken) {
        m.put(code, v);
      }
    });
    return m;
  }

  /**
   * An old commune onto new provinces: the shares of its new communes in one province added up;
   * whole (exact) when all lie in one.
   */
  private List<Link> provinceShares(List<Link> communeLinks) {
    Map<String, Link> byProvince = new HashMap<>();
    for (Link l : communeLinks) {
      String p = newParent.get(l.to());
      if (p == null || !newCommuneCodes.contains(l.to())) {
        continue;
      }
      byProvince.merge(p, new Link(p, l.share(), l.mrank()),
          (a, b) -> new Link(p, a.share() + b.share(), Math.max(a.mrank(), b.mrank())));
    }
    if (byProvince.size() == 1) {
      return List.of(new Link(byProvince.keySet().iterator().next(), 1.0, 0));
    }
    return List.copyOf(byProvince.values());
  }
}
