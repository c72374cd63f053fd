package vn.danvan.etl.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.TaskOut.TaskResult;
import vn.danvan.etl.regions.AdminUnits;
import vn.danvan.etl.regions.AdminUnitsImport;
import vn.danvan.etl.regions.RegionFiles;

/**
 * Writes a whole landing folder, table by table in load order. Each table's work is cut into
 * independent tasks (a year and a group of provinces) run on all cores; their results are merged
 * in task order, so the files, {@code _planted.csv} and {@code _manifest.json} depend on the
 * arguments only.
 */
public final class Generator {
  private final GenerateConfig config;
  private final PrintWriter console;
  private final Map<Table, Long> rows = new EnumMap<>(Table.class);
  private final Map<Table, int[]> planted = new EnumMap<>(Table.class);
  private final Map<Table, Integer> files = new EnumMap<>(Table.class);

  public Generator(GenerateConfig config, PrintWriter console) {
    this.config = config;
    this.console = console;
  }

  /** Generates everything; returns the summary also written to {@code _manifest.json}. */
  public Manifest run() throws IOException, InterruptedException {
    long started = System.nanoTime();
    clear(config.out());
    Units units = units();
    console.printf("regions: %s%n", units.source);
    RegionFiles.write(config.out(), units.admin.regions(), units.admin.lineage());
    rows.put(Table.REGIONS, (long) units.admin.regions().size());
    rows.put(Table.REGION_LINEAGE, (long) units.admin.lineage().size());
    files.put(Table.REGIONS, 1);
    files.put(Table.REGION_LINEAGE, 1);
    progress(started, Table.REGIONS, Table.REGION_LINEAGE);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (PlantedFile plantedFile = new PlantedFile(config.out().resolve("_planted.csv"))) {
      Step step = new Step(pool, plantedFile);
      step.run(PopulationGen.tasks(config, units), Table.POPULATION);
      List<CampaignsGen.YearOutput> years = step.all(CampaignsGen.tasks(config, units));
      Map<String, String[]> campaigns = new java.util.HashMap<>();
      years.forEach(y -> campaigns.putAll(y.codes()));
      step.merge(years.stream().map(CampaignsGen.YearOutput::result).toList(), Table.CAMPAIGNS,
          Table.CAMPAIGN_TARGETS);
      step.run(ReportValuesGen.tasks(config, units), Table.REPORT_VALUES);
      step.run(ActivitiesGen.tasks(config, units, campaigns), Table.ACTIVITIES);
      step.run(ModelsGen.tasks(config, units), Table.MODELS);
      step.run(PostsGen.tasks(config, units), Table.POSTS, Table.POST_METRICS);
      List<SurveysGen.Wave> waves = SurveysGen.waves(config);
      step.merge(List.of(SurveysGen.writeWaves(config, units, waves)), Table.SURVEY_WAVES,
          Table.SURVEY_QUESTIONS);
      step.run(SurveysGen.responses(config, units, waves), Table.SURVEY_RESPONSES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("a generator task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Manifest manifest = new Manifest(config, units, rows, planted, files);
    manifest.write(config.out().resolve("_manifest.json"));
    console.print(manifest.summary());
    console.printf("done in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, config.out());
    console.flush();
    return manifest;
  }

  private Units units() throws IOException {
    if (config.reference() != null) {
      AdminUnits admin = AdminUnitsImport.read(config.reference());
      return new Units(admin, "real admin units from " + config.reference() + " (" + config.referenceOrigin()
          + ")", false, config.seed());
    }
    return new Units(SyntheticUnits.build(config.seed()), "SYNTHETIC units (63 + 34 real provinces, made-up"
        + " districts and communes): no admin-unit reference files; " + config.referenceOrigin(), true,
        config.seed());
  }

  /** Removes what an earlier run left in the table folders, so no stale file is loaded. */
  private static void clear(Path out) throws IOException {
    Files.createDirectories(out);
    for (Table t : Table.values()) {
      Path dir = out.resolve(t.folder());
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
    Files.deleteIfExists(out.resolve("_planted.csv"));
    Files.deleteIfExists(out.resolve("_manifest.json"));
  }

  private void progress(long started, Table... tables) {
    for (Table t : tables) {
      int[] p = planted.getOrDefault(t, new int[Reason.values().length]);
      console.printf("%-17s %,11d rows %,8d planted %4d files  (%.1f s)%n", t.folder(),
          rows.getOrDefault(t, 0L), java.util.Arrays.stream(p).sum(), files.getOrDefault(t, 0),
          (System.nanoTime() - started) / 1e9);
    }
    console.flush();
  }

  /** Runs a table's tasks, then merges their results in task order. */
  private final class Step {
    private final ExecutorService pool;
    private final PlantedFile plantedFile;
    private final long started = System.nanoTime();

    Step(ExecutorService pool, PlantedFile plantedFile) {
      this.pool = pool;
      this.plantedFile = plantedFile;
    }

    void run(List<Callable<TaskResult>> tasks, Table... tables)
        throws InterruptedException, ExecutionException, IOException {
      merge(all(tasks), tables);
    }

    <T> List<T> all(List<Callable<T>> tasks) throws InterruptedException, ExecutionException {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    }

    void merge(List<TaskResult> results, Table... tables) throws IOException {
      for (Table t : tables) {
        StringBuilder duplicates = new StringBuilder();
        for (TaskResult r : results) {
          long[] n = r.rows().get(t);
          rows.merge(t, n == null ? 0L : n[0], Long::sum);
          int[] counts = r.plantedCounts().get(t);
          int[] total = planted.computeIfAbsent(t, k -> new int[Reason.values().length]);
          for (int i = 0; counts != null && i < counts.length; i++) {
            total[i] += counts[i];
          }
          if (r.planted().get(t) != null) {
            plantedFile.append(r.planted().get(t));
          }
          if (r.duplicates().get(t) != null) {
            duplicates.append(r.duplicates().get(t));
          }
          files.merge(t, r.files().getOrDefault(t, 0), Integer::sum);
        }
        if (duplicates.length() > 0) {
          try (CsvSink sink = new CsvSink(config.out().resolve(t.folder()).resolve(Layout.RESUBMITTED), t, false)) {
            sink.writeRaw(duplicates);
          }
          files.merge(t, 1, Integer::sum);
        }
      }
      progress(started, tables);
    }
  }
}
