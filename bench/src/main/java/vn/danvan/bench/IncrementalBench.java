package vn.danvan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.retention.DiskUsage;
import vn.danvan.etl.cli.LoadCommand;
import vn.danvan.etl.lake.LakeWriter;

/**
 * One month of new activities loaded into a copy of a lake, incrementally and with {@code --full},
 * side by side: wall time and how much the lake grew (bytes of files no earlier snapshot shares).
 * The copies hard-link the source lake's current snapshot (loads never write into a published
 * file), so the source is never changed.
 */
@Command(name = "incremental", mixinStandardHelpOptions = true,
    description = "A month of new activity rows into a copy of the lake: incremental load beside --full.")
final class IncrementalBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin LakeOption lake;

  @Option(names = "--rows", defaultValue = "2000", description = "new activity rows (default ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--month", defaultValue = "2025-11", description = "their month (default ${DEFAULT-VALUE})")
  YearMonth month;

  @Option(names = "--work", defaultValue = "data/bench", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  @Override
  public Integer call() throws Exception {
    Lake source = Lake.at(lake.folder());
    String current = source.current().orElseThrow(() -> new IllegalArgumentException(source + " has no snapshot"));
    Path warmUp = work.resolve("landing-incremental-" + month.minusMonths(1));
    Path landing = work.resolve("landing-incremental-" + month);
    writeActivities(source.snapshot(current), warmUp, month.minusMonths(1));
    writeActivities(source.snapshot(current), landing, month);
    Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    Map<String, Long> growth = new java.util.LinkedHashMap<>();
    long lakeBytes = 0;
    // the previous month warms the copy and this process up (a lake from before incremental loads
    // records no definitions and rebuilds every mart once; Spark's and the JIT's first run), then the
    // month is timed
    for (String mode : List.of("first incremental", "incremental", "full")) {
      Path copy = work.resolve("lake-" + (mode.equals("full") ? "full" : "incremental"));
      if (!mode.equals("incremental")) {
        EtlBench.deleteTree(copy);
        linkCopy(source, current, copy);
      }
      long before = DiskUsage.of(Lake.at(copy)).onDisk();
      lakeBytes = mode.equals("full") ? before : lakeBytes == 0 ? before : lakeBytes;
      long t0 = System.nanoTime();
      List<String> args = new ArrayList<>(List.of((mode.startsWith("first") ? warmUp : landing).toString(),
          "--lake", copy.toString(), "--progress", "lines"));
      if (mode.equals("full")) {
        args.add("--full");
      }
      int exit = new CommandLine(new LoadCommand()).execute(args.toArray(String[]::new));
      if (exit != 0) {
        return exit;
      }
      seconds.put(mode, EtlBench.secondsSince(t0));
      growth.put(mode, DiskUsage.of(Lake.at(copy)).onDisk() - before);
      System.out.printf(Locale.ROOT, "[bench] %s load: %.1f s, lake grew by %,d bytes%n", mode, seconds.get(mode),
          growth.get(mode));
      if (!mode.startsWith("first")) {
        EtlBench.deleteTree(copy);
      }
    }
    ObjectNode result = JSON.createObjectNode().put("source_lake", source.toString()).put("snapshot", current)
        .put("rows", rows).put("month", month.toString()).put("lake_bytes", lakeBytes);
    seconds.forEach((mode, t) -> result.put(mode.replace(' ', '_') + "_seconds", t));
    growth.forEach((mode, g) -> result.put(mode.replace(' ', '_') + "_growth_bytes", g));
    Files.createDirectories(work);
    Path out = work.resolve("bench-incremental-" + month + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    System.out.printf(Locale.ROOT, """
        [bench] incremental: %,d activity rows of %s into a copy of %s (%,d MiB)
        [bench]   load                      wall        lake growth
        [bench]   first incremental (%s)  %7.1f s   %,9.1f MiB (warm-up: this process's first load)
        [bench]   incremental               %7.1f s   %,9.1f MiB (%.1f %%)
        [bench]   --full                    %7.1f s   %,9.1f MiB (%.1f %%)
        [bench]   incremental / full: %.2f of the time   -> %s
        """, rows, month, source, lakeBytes >> 20, month.minusMonths(1), seconds.get("first incremental"),
        growth.get("first incremental") / 1048576.0,
        seconds.get("incremental"), growth.get("incremental") / 1048576.0, 100.0 * growth.get("incremental") / lakeBytes,
        seconds.get("full"), growth.get("full") / 1048576.0, 100.0 * growth.get("full") / lakeBytes,
        seconds.get("incremental") / seconds.get("full"), out);
    return 0;
  }

  /** {@code --rows} activities of the month, in communes valid then (read from the snapshot's regions). */
  private void writeActivities(Path snapshot, Path landing, YearMonth month) throws Exception {
    EtlBench.deleteTree(landing);
    List<String> communes = new ArrayList<>();
    LocalDate first = month.atDay(1);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement st = db.prepareStatement("SELECT DISTINCT code FROM read_parquet(?) WHERE level = 'commune'"
            + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code")) {
      st.setString(1, Lake.table(snapshot, Table.REGIONS) + "/**/*.parquet");
      st.setObject(2, month.atEndOfMonth());
      st.setObject(3, first);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          communes.add(rs.getString(1));
        }
      }
    }
    if (communes.isEmpty()) {
      throw new IllegalStateException("no commune of " + snapshot + " is valid in " + month);
    }
    SplittableRandom random = new SplittableRandom(month.hashCode());
    String[] types = {"dialogue", "briefing_conference", "gift_visit", "legal_awareness_session", "house_support"};
    StringBuilder csv = new StringBuilder("activity_id,unit,region_code,start_date,end_date,activity_type,"
        + "campaign_code,sessions,participants,quantity,man_days,value_vnd,note\n");
    for (int i = 0; i < rows; i++) {
      LocalDate day = first.plusDays(random.nextInt(month.lengthOfMonth()));
      csv.append(String.join(",", "INC-" + month + "-" + i, "military", communes.get(random.nextInt(communes.size())),
          day.toString(), "", types[random.nextInt(types.length)], "", String.valueOf(1 + random.nextInt(5)),
          String.valueOf(10 + random.nextInt(200)), "", "", String.valueOf(random.nextInt(10) * 500_000), "")).append('\n');
    }
    Path file = landing.resolve(Table.ACTIVITIES.folder()).resolve("month.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  /** CURRENT and its snapshot, every file a hard link (as {@code cp -al}). */
  private static void linkCopy(Lake source, String id, Path copy) throws IOException {
    LakeWriter.carryOver(source.snapshot(id), Lake.at(copy).snapshot(id));
    Files.writeString(Lake.at(copy).currentFile(), id + "\n");
  }
}
