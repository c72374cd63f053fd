package vn.danvan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.GenerateCommand;

/**
 * What the disclosure audit adds to a load's survey_estimates stage, as a load pays it: fresh
 * loads of a landing's survey folders (and the regions, lineage and population they need), each in
 * a new JVM (so the survey code is as cold as in a real load, after the tables have warmed Spark),
 * with the audit and without it ({@link SurveyBenchLoad}), in pairs whose order alternates. The
 * loads go into scratch lakes, deleted after each run: a mart built without the audit is not safe to
 * publish.
 */
@Command(name = "survey", mixinStandardHelpOptions = true,
    description = "The disclosure audit's share of a load's survey_estimates stage: fresh loads with and without it, in pairs.")
final class SurveyBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The landing folders a survey load reads. */
  private static final Set<String> SURVEY = Set.of(Table.REGIONS.folder(), Table.REGION_LINEAGE.folder(),
      Table.POPULATION.folder(), Table.SURVEY_WAVES.folder(), Table.SURVEY_QUESTIONS.folder(),
      Table.SURVEY_RESPONSES.folder());

  @Option(names = "--landing", description = "a landing folder whose survey folders are loaded (default: the "
      + "scale-1 demo landing, generated into the work folder)")
  Path landing;

  @Option(names = "--pairs", defaultValue = "4", description = "pairs of loads (default ${DEFAULT-VALUE})")
  int pairs;

  @Option(names = "--work", defaultValue = "data/bench/survey", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  @Override
  public Integer call() throws Exception {
    Path surveyLanding = work.resolve("landing");
    if (!prepare(surveyLanding)) {
      return 1;
    }
    // a first load, not counted: on this VM the first of a series ran up to twice as long in its
    // survey stage as the same load after it (files and the machine's caches cold)
    double warmUp = timed(surveyLanding, true, "warm-up");
    if (Double.isNaN(warmUp)) {
      return 1;
    }
    System.out.printf(Locale.ROOT, "[bench] warm-up load (not counted): survey_estimates %.1f s with the audit%n", warmUp);
    List<double[]> seconds = new ArrayList<>(); // {with, without} per pair
    for (int p = 0; p < pairs; p++) {
      double[] pair = new double[2];
      // the order alternates, so that a slow moment of the machine does not always fall on one side
      for (boolean audited : p % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        pair[audited ? 0 : 1] = timed(surveyLanding, audited, (p + 1) + (audited ? "-audited" : "-unaudited"));
        if (Double.isNaN(pair[audited ? 0 : 1])) {
          return 1;
        }
      }
      seconds.add(pair);
      System.out.printf(Locale.ROOT, "[bench] pair %d: survey_estimates %.1f s with the audit, %.1f s without (%+.0f %%)%n",
          p + 1, pair[0], pair[1], 100 * (pair[0] / pair[1] - 1));
    }
    double[] added = seconds.stream().mapToDouble(s -> s[0] / s[1] - 1).toArray();
    double mean = Arrays.stream(added).average().orElseThrow();
    double[] sorted = added.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    ObjectNode result = JSON.createObjectNode().put("landing", surveyLanding.toString()).put("pairs", pairs)
        .put("mean_added", mean).put("median_added", median);
    ArrayNode list = result.putArray("seconds");
    seconds.forEach(s -> list.addObject().put("with_audit", s[0]).put("without_audit", s[1]));
    Path out = work.resolve("bench-survey.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    System.out.printf(Locale.ROOT, """
        [bench] survey: the disclosure audit's share of a fresh load's survey_estimates stage (goal: <= +25 %%)
        [bench]   %d pairs, each load in a new JVM: added %s
        [bench]   mean %+.0f %%, median %+.0f %%   -> %s
        """, pairs, Arrays.stream(added).mapToObj(a -> String.format(Locale.ROOT, "%+.0f %%", 100 * a)).toList(),
        100 * mean, 100 * median, out);
    return 0;
  }

  /** The survey folders of {@link #landing} (or of a generated scale-1 landing) as hard links in {@code to}. */
  private boolean prepare(Path to) throws Exception {
    Path source = landing;
    if (source == null) {
      source = work.resolve("landing-scale-1");
      if (!Files.isRegularFile(source.resolve("_manifest.json"))) {
        int exit = new CommandLine(new GenerateCommand()).execute("--out", source.toString(), "--years", "2015-2025",
            "--scale", "1", "--format", "csv", "--seed", "1");
        if (exit != 0) {
          return false;
        }
      }
    }
    EtlBench.deleteTree(to);
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(source, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path rel = source.relativize(f);
        if (rel.getNameCount() > 1 && SURVEY.contains(rel.getName(0).toString())) {
          Path target = to.resolve(rel);
          Files.createDirectories(target.getParent());
          try {
            Files.createLink(target, f);
          } catch (UnsupportedOperationException | java.io.IOException e) {
            Files.copy(f, target);
          }
        }
      }
    }
    return true;
  }

  /** The survey_estimates seconds of a fresh load into a scratch lake; NaN when it failed (said on stderr). */
  private double timed(Path landing, boolean audited, String name) throws Exception {
    Path lake = work.resolve("lake");
    EtlBench.deleteTree(lake);
    Path log = work.resolve("load-" + name + ".log");
    int exit = load(landing, lake, audited, log);
    if (exit != 0) {
      System.err.printf(Locale.ROOT, "[bench] the load failed (exit %d); its output: %s%n", exit, log);
      return Double.NaN;
    }
    double seconds = EtlBench.report(lake).path(LoadReport.SECONDS).path("survey_estimates").asDouble();
    EtlBench.deleteTree(lake);
    return seconds;
  }

  /** A load in a new JVM with this one's options and class path; its output into {@code log}. */
  private static int load(Path landing, Path lake, boolean audited, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SurveyBenchLoad.class.getName(),
        landing.toString(), lake.toString(), String.valueOf(audited)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return p.waitFor();
  }
}
