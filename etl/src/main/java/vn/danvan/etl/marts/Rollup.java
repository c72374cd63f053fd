package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.year;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.catalogue.Indicator;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Level;

/**
 * Rolls the facts up into the figures of every region, grain and period (docs/marts.md).
 *
 * <p>The trees are small and every figure of a calendar year depends only on that year's reports
 * and records, so the facts are shuffled once, into one group per year and {@link RatioFamilies
 * family} of indicators, and each group is rolled up here in memory: records are spread onto the
 * grains, then each slice (indicator, reporting unit, grain, period) walks the trees
 * ({@link TreeWalk}), the slices are summed over reporting units, and the ratios are taken.
 */
final class Rollup implements Serializable {
  private static final long serialVersionUID = 2L;
  /**
   * The rows of a rolled-up group: {@code grain} a {@link Grain#rank()}, {@code start_day} the
   * period's first day (epoch day; {@link #run} turns it into the date {@code target_start}),
   * {@code from_report} / {@code from_records} what went into the figure, {@code apportioning} its
   * {@link Apportioning#rank()}, {@code order} the row's place in the mart's files ({@link #order}).
   */
  static final StructType OUTPUT = new StructType().add("boundaries", DataTypes.StringType)
      .add("level", DataTypes.StringType).add("code", DataTypes.StringType)
      .add("indicator", DataTypes.StringType).add("grain", DataTypes.IntegerType)
      .add("start_day", DataTypes.IntegerType).add("value", DataTypes.DoubleType)
      .add("from_report", DataTypes.BooleanType).add("from_records", DataTypes.BooleanType)
      .add("apportioning", DataTypes.IntegerType).add("order", DataTypes.LongType);

  private final RegionTrees trees;
  private final TreeWalk treeWalk;
  private final RatioFamilies ratios;
  /** The catalogue's indicators, by rank in the order of their codes ({@link #order}). */
  private final Map<String, Integer> indicatorRanks = new HashMap<>();

  /** What is measured when, for one reporting unit: the facts of one tree walk. */
  private record Slice(String indicator, String unit, int grain, int day) {}

  /** One output series point's key, summed over reporting units. */
  record Point(String indicator, int grain, int day) {}

  private static final java.util.Comparator<Point> POINTS_BY_PERIOD = java.util.Comparator.comparingInt(Point::grain)
      .thenComparingInt(Point::day).thenComparing(Point::indicator);

  /**
   * @param nodes {@code code, era, parent_code}: one row per code and era
   * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
   * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
   */
  Rollup(List<Row> nodes, List<Row> communeShares, List<Row> provinceLinks, List<Indicator> catalogue) {
    this.trees = new RegionTrees(nodes);
    this.treeWalk = new TreeWalk(trees, new Lineage(communeShares, provinceLinks, trees));
    this.ratios = new RatioFamilies(catalogue);
    List<String> codes = catalogue.stream().map(Indicator::code).sorted().distinct().toList();
    for (int i = 0; i < codes.size(); i++) {
      indicatorRanks.put(codes.get(i), i);
    }
  }

  /** {@link #order}'s rank of an indicator outside the catalogue, or of a code no tree knows. */
  private static final int UNRANKED_INDICATOR = 0xFFFF;
  private static final int UNRANKED_CODE = (1 << 28) - 1;
  private static final int[] MODE_RANKS = ranks(Boundaries.values());
  private static final int[] LEVEL_RANKS = ranks(Level.values());

  /** Each value's rank, by ordinal, in the order of the codes. */
  private static <E extends Enum<E> & Coded> int[] ranks(E[] values) {
    int[] ranks = new int[values.length];
    for (E v : values) {
      ranks[v.ordinal()] = (int) java.util.Arrays.stream(values).filter(o -> o.code().compareTo(v.code()) < 0).count();
    }
    return ranks;
  }

  /**
   * A row's place in the mart's files within its period, as one number: the order of its boundary
   * mode, indicator, level and region code as text, which the mart's write sorts by after the
   * year and the period (comparing the four texts, the sort took 29 % of the write's CPU samples
   * for scale 20's activities; 22 % with this number). An indicator outside the catalogue or a
   * code no tree knows is not ranked: such rows come after the ranked ones of their mode (or
   * indicator and level), and the write orders them by the texts.
   */
  long order(String indicator, int place) {
    Level level = Places.level(place);
    int id = Places.id(place);
    long order = (long) MODE_RANKS[Places.mode(place).ordinal()] << 50;
    Integer rank = indicatorRanks.get(indicator);
    if (rank == null) {
      return order | (long) UNRANKED_INDICATOR << 32;
    }
    int code = id == Places.NATION ? 0 : trees.rank(id);
    return order | (long) rank << 32 | (long) LEVEL_RANKS[level.ordinal()] << 28
        | (code < 0 ? UNRANKED_CODE : code);
  }

  /**
   * Every output row ({@link #OUTPUT}, with the date {@code target_start} instead of
   * {@code start_day}) of both modes, summed over reporting units, ratios included; in the years of
   * {@code months} (their keys {@code year * 100 + month}) only the periods that hold one of those
   * months: a period's figures depend only on facts dated within it (a report's own period,
   * enclosing reports included, lies inside every target period it counts in; a record counts in
   * the periods of its date), so the other periods of those years stay as they were.
   *
   * @param facts {@link FactStore#SCHEMA}: own reports per native period, as {@link Facts#reports}
   *     gives them (which target periods each counts in is worked out here, per group:
   *     {@link Precedence#ownReports}), and records: each as {@link Facts#records} gives it, or added
   *     up per native period ({@link Precedence#records}) as the fact store keeps them; either way
   *     they are added up per slice here
   * @param years the calendar years to roll up (each depends on its own facts only), or null for all
   * @param months null: every period of {@code years}
   */
  Dataset<Row> run(Dataset<Row> facts, java.util.Set<Integer> years, java.util.Set<Integer> months) {
    java.util.Set<Long> periods = months == null ? null : periodsOf(months);
    java.util.Set<Integer> monthYears = new java.util.HashSet<>();
    if (months != null) {
      months.forEach(m -> monthYears.add(m / 100));
    }
    Dataset<Row> rows = facts.select(col("own_report"), col("code"), col("era").equalTo(Facts.NEW).as("new_era"),
        col("indicator"), col("unit"), col("native_grain").as("grain"), unix_date(col("native_start")).as("day"),
        col("value"));
    if (years != null) {
      rows = rows.where(year(date_from_unix_date(col("day"))).isin(years.toArray()));
    }
    // each group (a family of indicators, a year) whole in one partition, by a hash of its key, and
    // gathered there in memory: Spark's groupByKey made the key's text for each fact and sorted the
    // facts by it (9 % of the roll-up stage's CPU samples at scale 20; in `bench marts` the sort
    // spilled 512 MiB). A partition's groups are held at once, their rows made one group at a time
    MapPartitionsFunction<Row, Row> roll = it -> rollPartition(it, periods, monthYears);
    return rows.repartition(ratios.familyOf(col("indicator")), year(date_from_unix_date(col("day"))))
        .mapPartitions(roll, Encoders.row(OUTPUT))
        .withColumn("target_start", date_from_unix_date(col("start_day"))).drop("start_day");
  }

  /** A group's key: a {@link RatioFamilies family} of indicators and a calendar year. */
  private record Group(String family, int year) {}

  /**
   * The rows of every group of a partition: the facts gathered by group, then each group rolled up
   * in turn, its rows made only when the rows of the one before have been taken.
   */
  private Iterator<Row> rollPartition(Iterator<Row> rows, java.util.Set<Long> periods,
      java.util.Set<Integer> monthYears) {
    Map<Group, GroupFacts> groups = new java.util.LinkedHashMap<>();
    // the periods a day's records count in, by rank: worked out once a day
    Map<Integer, int[]> periodStarts = new HashMap<>();
    IntFunction<int[]> startsOf = day -> periodStarts.computeIfAbsent(day, d -> rolledStarts(d, periods, monthYears));
    while (rows.hasNext()) {
      // the columns in the order run() selects them
      Row r = rows.next();
      int day = r.getInt(6);
      String indicator = r.getString(3);
      groups.computeIfAbsent(new Group(ratios.familyOf(indicator), LocalDate.ofEpochDay(day).getYear()),
          g -> new GroupFacts()).add(r, indicator, day, startsOf);
    }
    Iterator<GroupFacts> each = groups.values().iterator();
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && each.hasNext()) {
          GroupFacts g = each.next();
          each.remove();
          current = g.roll(periods, monthYears).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private static java.util.Set<Long> periodsOf(java.util.Set<Integer> months) {
    java.util.Set<Long> keys = new java.util.HashSet<>();
    for (int m : months) {
      LocalDate first = LocalDate.of(m / 100, m % 100, 1);
      for (Grain g : Grain.values()) {
        keys.add(periodKey(g.rank(), (int) g.periodStart(first).toEpochDay()));
      }
    }
    return keys;
  }

  private static long periodKey(int rank, int day) {
    return ((long) rank << 32) | (day & 0xffffffffL);
  }

  /**
   * Whether a slice's period is one to roll up: any when no months were given ({@code periods}
   * null) or its year has none of them.
   */
  private static boolean rolled(int rank, int day, java.util.Set<Long> periods, java.util.Set<Integer> monthYears) {
    return periods == null || !monthYears.contains(LocalDate.ofEpochDay(day).getYear())
        || periods.contains(periodKey(rank, day));
  }

  /** {@link #rolledStarts}' mark of a period not rolled up. */
  private static final int NOT_ROLLED = Integer.MIN_VALUE;

  /**
   * The first day (epoch day) of the period of each grain, by rank, that holds {@code day}, or
   * {@link #NOT_ROLLED} where that period is not rolled up.
   */
  private static int[] rolledStarts(int day, java.util.Set<Long> periods, java.util.Set<Integer> monthYears) {
    LocalDate date = LocalDate.ofEpochDay(day);
    int[] starts = new int[Grain.YEAR.rank() + 1];
    for (Grain g : Grain.values()) {
      int start = (int) g.periodStart(date).toEpochDay();
      starts[g.rank()] = rolled(g.rank(), start, periods, monthYears) ? start : NOT_ROLLED;
    }
    return starts;
  }

  /** The facts of one group: its records by slice, its units' own reports summed per native period. */
  private final class GroupFacts {
    private final Map<Slice, SliceFacts> slices = new HashMap<>();
    private final Map<Precedence.Report, Double> reports = new HashMap<>();

    /** Adds one fact ({@link #run}'s columns); {@code startsOf} a record's day's periods ({@link #rolledStarts}). */
    void add(Row r, String indicator, int day, IntFunction<int[]> startsOf) {
      boolean ownReport = r.getBoolean(0);
      String code = r.getString(1);
      boolean newEra = r.getBoolean(2);
      String unit = r.getString(4);
      int grain = r.getInt(5);
      double value = r.getDouble(7);
      if (ownReport) {
        reports.merge(new Precedence.Report(indicator, unit, code, newEra, grain, day), value, Double::sum);
        return;
      }
      // a record counts in the period of every grain from its own (a month at the finest) up
      int region = trees.id(code);
      int[] starts = startsOf.apply(day);
      for (int rank = Math.max(grain, Grain.MONTH.rank()); rank <= Grain.YEAR.rank(); rank++) {
        if (starts[rank] != NOT_ROLLED) {
          slices.computeIfAbsent(new Slice(indicator, unit, rank, starts[rank]), s -> new SliceFacts())
              .add(false, newEra, region, value);
        }
      }
    }

    /** The group's output rows: each slice walked, summed over reporting units, ratios added. */
    List<Row> roll(java.util.Set<Long> periods, java.util.Set<Integer> monthYears) {
      Precedence.ownReports(reports, (report, rank, day, value) -> {
        if (rolled(rank, day, periods, monthYears)) {
          slices.computeIfAbsent(new Slice(report.indicator(), report.unit(), rank, day), s -> new SliceFacts())
              .add(true, report.newEra(), trees.id(report.code()), value);
        }
      });
      Map<Point, IdMap> out = new HashMap<>();
      slices.forEach((s, f) -> treeWalk.walk(f, out.computeIfAbsent(new Point(s.indicator(), s.grain(), s.day()),
          p -> new IdMap())));
      ratios.addRatios(out);
      // in the order the mart's write sorts its rows, as far as one group goes: by period (grain,
      // then first day), and each point's places by order(); the write's sort finds them in runs
      List<Point> points = new ArrayList<>(out.keySet());
      points.sort(POINTS_BY_PERIOD);
      List<Row> result = new ArrayList<>();
      for (Point p : points) {
        IdMap figures = out.get(p);
        int[] places = new int[figures.size()];
        Figure[] values = new Figure[places.length];
        long[] orders = new long[places.length];
        long[] ranked = new long[places.length];
        int[] n = {0};
        figures.forEach((place, f) -> {
          long order = order(p.indicator(), place);
          // the point's indicator is one: its order without the indicator's rank, then the entry
          ranked[n[0]] = ((order >>> 50) << 30 | order & 0x3FFF_FFFFL) << 32 | n[0];
          places[n[0]] = place;
          orders[n[0]] = order;
          values[n[0]++] = f;
        });
        java.util.Arrays.sort(ranked);
        for (long r : ranked) {
          int i = (int) r;
          int id = Places.id(places[i]);
          Figure f = values[i];
          result.add(RowFactory.create(Places.mode(places[i]).code(), Places.level(places[i]).code(),
              id == Places.NATION ? Level.NATION_CODE : trees.code(id), p.indicator(), p.grain(), p.day(), f.value,
              f.fromReport, f.fromRecords, f.apportioning.rank(), orders[i]));
        }
      }
      return result;
    }
  }
}
