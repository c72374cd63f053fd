package vn.danvan.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.LoadReport.Action;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport.Part;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.YearFolders;
import vn.danvan.etl.marts.MartsJob;
import vn.danvan.etl.marts.SurveyMart;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.outreach.OutreachMart;
import vn.danvan.etl.survey.SurveyRules;

/**
 * Which marts a load rebuilds and which it links to the previous snapshot. A mart is linked only
 * when none of the tables it is built from changed and its definitions (the catalogue, the survey
 * and benchmark rules) are those the previous snapshot was built with. The indicator mart is
 * partitioned by year, and each calendar year's figures depend only on that year's facts: when
 * only report values, activities or models changed, in some years, those years are rebuilt and
 * the others linked. Otherwise (a reference such as regions or population, posts, a table
 * written whole) a mart is rebuilt in full.
 */
record MartPlan(Map<String, Part> parts) {
  /** The tables each mart is built from (what MartsJob and SurveyMart read). */
  static final Map<String, Set<Table>> INPUTS = inputs();

  MartPlan {
    parts = Map.copyOf(parts);
  }

  private static Map<String, Set<Table>> inputs() {
    Map<String, Set<Table>> m = new LinkedHashMap<>();
    Set<Table> regions = EnumSet.of(Table.REGIONS, Table.REGION_LINEAGE, Table.POPULATION);
    m.put(OutreachMart.POST_STATS, union(regions, Table.POSTS, Table.POST_METRICS));
    m.put(MartsJob.INDICATOR_VALUES, union(regions, Table.REPORT_VALUES, Table.ACTIVITIES, Table.MODELS,
        Table.POSTS, Table.POST_METRICS));
    m.put(MartsJob.MART_REGIONS, EnumSet.of(Table.REGIONS));
    m.put(SurveyMart.SURVEY_ESTIMATES, EnumSet.of(Table.REGIONS, Table.REGION_LINEAGE, Table.SURVEY_WAVES,
        Table.SURVEY_QUESTIONS, Table.SURVEY_RESPONSES));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Set<Table> union(Set<Table> base, Table... more) {
    Set<Table> s = EnumSet.copyOf(base);
    s.addAll(List.of(more));
    return s;
  }

  /**
   * The fact tables whose every figure in the indicator mart lies in the calendar year of the row
   * (docs/marts.md): a load reaching some of their years rebuilds those years of the mart only.
   * Posts and their metrics reach it through {@code post_stats}, rebuilt whole.
   */
  static final Set<Table> YEARLY = EnumSet.of(Table.REPORT_VALUES, Table.ACTIVITIES, Table.MODELS);

  static MartPlan of(Path previous, String previousDefinitions, String definitions, Set<Table> changed,
      boolean full) {
    return of(previous, previousDefinitions, definitions, changed, Map.of(), full);
  }

  /**
   * @param previous the previous snapshot's folder, or null
   * @param previousDefinitions the definitions fingerprint its report recorded, or null
   * @param changed the tables whose content this load changed
   * @param tableParts what this load did to each table, by folder: the years a partitioned one rewrote
   */
  static MartPlan of(Path previous, String previousDefinitions, String definitions, Set<Table> changed,
      Map<String, Part> tableParts, boolean full) {
    Objects.requireNonNull(definitions, "definitions");
    Map<String, Part> parts = new LinkedHashMap<>();
    for (Map.Entry<String, Set<Table>> e : INPUTS.entrySet()) {
      String mart = e.getKey();
      Set<Table> inputs = e.getValue().stream().filter(changed::contains)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(Table.class)));
      String reached = inputs.stream().map(Table::folder).collect(Collectors.joining(", "));
      String why;
      if (previous == null) {
        why = "no earlier snapshot";
      } else if (full) {
        why = "a full load (--full)";
      } else if (!definitions.equals(previousDefinitions)) {
        why = previousDefinitions == null ? "the earlier snapshot does not record its definitions"
            : "the definitions changed (indicator catalogue, survey or benchmark rules)";
      } else if (!Files.isDirectory(previous.resolve(mart))) {
        why = "the earlier snapshot has no " + mart;
      } else if (!inputs.isEmpty()) {
        String whole = wholeBecause(mart, inputs, tableParts, previous.resolve(mart));
        if (whole == null) {
          Set<Integer> years = new TreeSet<>();
          inputs.forEach(t -> years.addAll(tableParts.get(t.folder()).rewrittenYears()));
          List<Integer> linked = YearFolders.years(previous.resolve(mart)).stream()
              .filter(y -> !years.contains(y)).toList();
          parts.put(mart, new Part(linked.isEmpty() ? Action.REWRITTEN : Action.PARTITIONS, List.copyOf(years),
              linked, "the years " + reached + " reached"));
          continue;
        }
        why = "rebuilt in full (" + whole + "): " + reached + " changed";
      } else {
        parts.put(mart, Part.linked("none of its inputs changed"));
        continue;
      }
      parts.put(mart, Part.rewritten(why));
    }
    return new MartPlan(parts);
  }

  /**
   * Why a mart some of whose inputs changed is rebuilt whole, or null when only the years they
   * reached are.
   */
  private static String wholeBecause(String mart, Set<Table> inputs, Map<String, Part> tableParts, Path before) {
    if (inputs.stream().anyMatch(t -> !t.partitioned())) {
      return "a reference every figure depends on changed";
    }
    if (!mart.equals(MartsJob.INDICATOR_VALUES)) {
      return "the mart is not partitioned by year";
    }
    if (!YEARLY.containsAll(inputs)) {
      return "posts and their metrics reach it through post_stats, rebuilt whole";
    }
    for (Table t : inputs) {
      Part part = tableParts.get(t.folder());
      if (part == null || part.action() != Action.PARTITIONS) {
        return t.folder() + " was written whole";
      }
    }
    if (YearFolders.years(before).isEmpty()) {
      return "the earlier snapshot's mart is not partitioned by year";
    }
    return null;
  }

  /** The years of the indicator mart this load rebuilds, the others linked; null: all of them. */
  Set<Integer> indicatorYears() {
    Part p = parts.get(MartsJob.INDICATOR_VALUES);
    return p != null && p.action() == Action.PARTITIONS ? Set.copyOf(p.rewrittenYears()) : null;
  }

  /**
   * The months ({@code year * 100 + month}) the indicator mart's changed inputs reached, from their
   * parts: a table stored by month lists them, one stored by year reaches every month of its
   * years; null when the mart is not rebuilt by years.
   */
  Set<Integer> indicatorMonths(Map<String, Part> tableParts) {
    if (indicatorYears() == null) {
      return null;
    }
    Set<Integer> months = new TreeSet<>();
    for (Table t : INPUTS.get(MartsJob.INDICATOR_VALUES)) {
      Part part = tableParts.get(t.folder());
      if (part == null || part.action() != Action.PARTITIONS) {
        continue;
      }
      if (part.rewrittenPeriods().isEmpty()) {
        part.rewrittenYears().forEach(y -> java.util.stream.IntStream.rangeClosed(1, 12).forEach(m -> months.add(y * 100 + m)));
      } else {
        part.rewrittenPeriods().forEach(p -> months.add(Integer.parseInt(p.substring(0, 4)) * 100
            + Integer.parseInt(p.substring(5, 7))));
      }
    }
    return months;
  }

  /**
   * The rows the marts this plan builds read, as {@link LoadJob#martPartitions} sizes their
   * shuffles by: every row of a table that a mart rebuilt whole is built from (a change of regions
   * rebuilds the indicator mart from every activity in the lake), and what this load landed in the
   * others (a mart rebuilt by years reads those years).
   */
  long rowsRead(Map<Table, Counts> counts) {
    Set<Table> whole = EnumSet.noneOf(Table.class);
    parts.forEach((mart, part) -> {
      if (part.action() == Action.REWRITTEN) {
        whole.addAll(INPUTS.get(mart));
      }
    });
    return counts.entrySet().stream()
        .mapToLong(e -> whole.contains(e.getKey()) ? e.getValue().rowsInLake() : e.getValue().landed()).sum();
  }

  /** The marts to link instead of building. */
  Set<String> linked() {
    return parts.entrySet().stream().filter(e -> e.getValue().action() == Action.LINKED)
        .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * A fingerprint of everything besides the tables that the marts' figures depend on: the indicator
   * catalogue the jar ships, the survey disclosure rules and the overperformance benchmark.
   */
  static String definitions(SurveyRules survey, Benchmark benchmark) {
    try (InputStream in = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(IndicatorCatalogue.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the indicator catalogue " + IndicatorCatalogue.RESOURCE + " is not on the classpath");
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readAllBytes());
      sha.update(("\n" + survey + "\n" + benchmark).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the indicator catalogue", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
