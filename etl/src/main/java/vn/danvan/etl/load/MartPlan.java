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
import vn.danvan.contract.LoadReport.Part;
import vn.danvan.contract.Table;
import vn.danvan.etl.marts.MartsJob;
import vn.danvan.etl.marts.SurveyMart;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.outreach.OutreachMart;
import vn.danvan.etl.survey.SurveyRules;

/**
 * Which marts a load rebuilds and which it links to the previous snapshot. A mart is linked only
 * when none of the tables it is built from changed and its definitions (the catalogue, the survey
 * and benchmark rules) are those the previous snapshot was built with; otherwise it is rebuilt in
 * full: no mart is partitioned by year yet (a series rolls months up into quarters, years and
 * programme periods, and regions up the tree), so a changed year still rewrites the whole mart.
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
   * @param previous the previous snapshot's folder, or null
   * @param previousDefinitions the definitions fingerprint its report recorded, or null
   * @param changed the tables whose content this load changed
   */
  static MartPlan of(Path previous, String previousDefinitions, String definitions, Set<Table> changed,
      boolean full) {
    Objects.requireNonNull(definitions, "definitions");
    Map<String, Part> parts = new LinkedHashMap<>();
    for (Map.Entry<String, Set<Table>> e : INPUTS.entrySet()) {
      String mart = e.getKey();
      Set<String> reached = e.getValue().stream().filter(changed::contains).map(Table::folder)
          .collect(Collectors.toCollection(TreeSet::new));
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
      } else if (!reached.isEmpty()) {
        boolean reference = e.getValue().stream().filter(changed::contains).anyMatch(t -> !t.partitioned());
        why = "rebuilt in full (" + (reference ? "a reference every figure depends on changed"
            : "the mart is not partitioned by year") + "): " + String.join(", ", reached) + " changed";
      } else {
        parts.put(mart, Part.linked("none of its inputs changed"));
        continue;
      }
      parts.put(mart, Part.rewritten(why));
    }
    return new MartPlan(parts);
  }

  /** The marts to link instead of building. */
  Set<String> linked() {
    return parts.entrySet().stream().filter(e -> e.getValue().action() == vn.danvan.contract.LoadReport.Action.LINKED)
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
