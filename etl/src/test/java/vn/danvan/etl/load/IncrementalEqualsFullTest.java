package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.LoadReport.Action;
import vn.danvan.contract.LoadReport.Part;
import vn.danvan.contract.Table;

/**
 * The property that makes incremental loads safe: for random sequences of loads (new rows, rows
 * replacing old ids, a late correction to an old year, a reference change, new posts and metric
 * snapshots), the last snapshot equals the one a single full load of the same inputs publishes
 * into an empty lake (the latest row of every key), table by table and marts included; every file
 * a load did not rewrite is a hard link to the previous snapshot's, so the tables grow by the
 * partitions the news reaches. Each seed costs its loads once (about 30 s each on 2 cores), shared
 * by the tests; one seed in the suite (its loads cover every kind, in a random order), and
 * {@code -Ddanvan.incremental.cases=N} runs N.
 */
class IncrementalEqualsFullTest {
  @TempDir
  static Path tmp;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.start("incremental-equals-full");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static LongStream seeds() {
    int cases = Integer.getInteger("danvan.incremental.cases", 1);
    return LongStream.range(0, cases).map(i -> 20_251_203L + 7919 * i);
  }

  /** One sequence of incremental loads and the from-scratch load of the same inputs. */
  record Run(List<String> kinds, List<LoadReport> reports, List<Path> snapshots, Path scratch) {}

  private static final Map<Long, Run> RUNS = new java.util.HashMap<>();

  /** The loads of a seed, run once for every test that looks at them. */
  static synchronized Run run(long seed) {
    return RUNS.computeIfAbsent(seed, s -> {
      LoadSequences sequence = new LoadSequences(s);
      Path root = tmp.resolve("seed-" + s);
      Lake incremental = Lake.at(root.resolve("incremental"));
      List<String> kinds = new ArrayList<>(List.of("first"));
      List<Path> landings = new ArrayList<>(List.of(sequence.first(root.resolve("landing-0"))));
      for (LoadSequences.Kind kind : sequence.order()) {
        landings.add(sequence.next(kind, root.resolve("landing-" + landings.size())));
        kinds.add(kind.name());
      }
      List<LoadReport> reports = new ArrayList<>();
      List<Path> snapshots = new ArrayList<>();
      for (Path landing : landings) {
        LoadReport r = LoadJob.run(spark, LoadConfig.of(landing, incremental.root(), LoadSequences.AS_OF),
            Progress.silent());
        reports.add(r);
        snapshots.add(incremental.snapshot(r.snapshot()));
      }
      Lake scratch = Lake.at(root.resolve("scratch"));
      LoadReport r = LoadJob.run(spark, LoadConfig.of(sequence.fromScratch(root.resolve("landing-all")),
          scratch.root(), LoadSequences.AS_OF).withFull(true), Progress.silent());
      return new Run(kinds, reports, snapshots, scratch.snapshot(r.snapshot()));
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void loads_one_after_another_publish_what_a_load_of_their_inputs_from_scratch_does(long seed) throws Exception {
    Run run = run(seed);
    Path last = run.snapshots().get(run.snapshots().size() - 1);
    Set<String> folders = folders(last);
    folders.removeIf(f -> f.startsWith(Lake.QUARANTINE + "/")); // each load's own rejected rows
    // the facts the mart is rolled up from, kept only by loads that rebuild some years (the mart
    // compared below is rolled up from them)
    folders.removeIf(f -> f.startsWith("indicator_facts"));
    Set<String> scratchFolders = folders(run.scratch());
    scratchFolders.removeIf(f -> f.startsWith(Lake.QUARANTINE + "/"));
    assertThat(folders).as("seed " + seed + " " + run.kinds()).isEqualTo(scratchFolders)
        .contains("activities", "report_values", "indicator_values", "post_stats", "mart_regions");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String folder : folders) {
        assertSameRows(duck, last.resolve(folder), run.scratch().resolve(folder),
            "seed " + seed + " " + run.kinds() + ": " + folder);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_file_a_load_does_not_rewrite_is_a_hard_link_to_the_previous_snapshots(long seed) {
    Run run = run(seed);
    for (int i = 1; i < run.reports().size(); i++) {
      assertLinkedAndGrowsByTheNews(run.reports().get(i), run.snapshots().get(i - 1), run.snapshots().get(i),
          "seed " + seed + ", load " + i + " (" + run.kinds().get(i) + ")");
    }
  }

  @org.junit.jupiter.api.Test
  void new_rows_of_one_year_rewrite_that_year_only_and_the_tables_grow_by_its_files() {
    Run run = run(seeds().findFirst().orElseThrow());
    int i = run.kinds().indexOf(LoadSequences.Kind.NEW_ROWS.name());
    LoadReport report = run.reports().get(i);
    Part activities = report.parts().get("activities");
    assertThat(activities.action()).isEqualTo(Action.PARTITIONS);
    assertThat(activities.rewrittenYears()).containsExactly(2025);
    assertThat(activities.linkedYears()).contains(2019, 2020, 2024);
    Path before = run.snapshots().get(i - 1);
    Path after = run.snapshots().get(i);
    // the months of the new rows, worked out from the two snapshots
    assertThat(activities.rewrittenPeriods()).isEqualTo(query("SELECT DISTINCT strftime(start_date, '%Y-%m') FROM "
        + scan(Lake.table(after, Table.ACTIVITIES)) + " WHERE activity_id NOT IN (SELECT activity_id FROM "
        + scan(Lake.table(before, Table.ACTIVITIES)) + ") ORDER BY 1")).isNotEmpty();
    assertThat(report.parts().get("regions").action()).isEqualTo(Action.LINKED);
    Part values = report.parts().get("indicator_values");
    assertThat(values.action()).isEqualTo(Action.PARTITIONS);
    assertThat(values.rewrittenYears()).containsExactly(2025);
    assertThat(values.linkedYears()).contains(2019, 2024);
    assertThat(values.reason()).isEqualTo("the years report_values, activities reached; of those, the periods"
        + " whose figures changed");
    // of 2025, the mart rewrote the periods of the new rows (their months, and the year) and linked others
    assertThat(values.rewrittenPeriods()).allMatch(p -> p.startsWith("2025")).contains("2025")
        .containsAll(activities.rewrittenPeriods());
    assertThat(report.parts().get("mart_regions").action()).isEqualTo(Action.LINKED);
    Set<Object> old = inodes(before);
    assertThat(files(after.resolve("indicator_values/year=2025"))).as("2025's periods not reached are links")
        .anyMatch(f -> old.contains(inode(f)));
    // the facts the mart is rolled up from: the months of the new rows computed, of 2025 every
    // month when the previous snapshot kept none of 2025, every other file a link
    Set<String> reached = new java.util.TreeSet<>(activities.rewrittenPeriods());
    reached.addAll(report.parts().get("report_values").rewrittenPeriods());
    boolean kept = Files.isDirectory(before.resolve("indicator_facts/year=2025"));
    Path facts = after.resolve("indicator_facts");
    assertThat(files(facts)).as("the facts' files").isNotEmpty()
        .anyMatch(f -> !old.contains(inode(f)))
        .allMatch(f -> old.contains(inode(f)) != (reached.contains(period(facts.relativize(f).toString()))
            || !kept && facts.relativize(f).startsWith("year=2025")));
    long newBytes = 0;
    long news = 0;
    for (Table t : Table.values()) {
      for (Path f : files(Lake.table(after, t))) {
        newBytes += old.contains(inode(f)) ? 0 : size(f);
      }
    }
    for (Table t : List.of(Table.ACTIVITIES, Table.REPORT_VALUES)) {
      List<String> months = report.parts().get(t.folder()).rewrittenPeriods();
      Path dir = Lake.table(after, t);
      news += files(dir.resolve("year=2025")).stream().filter(f -> months.contains(period(dir.relativize(f).toString())))
          .mapToLong(IncrementalEqualsFullTest::size).sum();
    }
    assertThat(newBytes).as("bytes the tables add: the rewritten months of 2025").isEqualTo(news);
    assertThat(newBytes).isLessThan(bytesOfTables(after) / 2);
  }

  @org.junit.jupiter.api.Test
  void metric_snapshots_rewrite_the_years_they_reach_and_the_later_years_of_their_posts_only() throws Exception {
    Run run = run(seeds().findFirst().orElseThrow());
    int i = run.kinds().indexOf(LoadSequences.Kind.POSTS.name());
    Part metrics = run.reports().get(i).parts().get("post_metrics");
    Path before = run.snapshots().get(i - 1);
    Path after = run.snapshots().get(i);
    // the years its snapshots land in, and those of a post's snapshots loaded before and observed
    // after the earliest it lands now, worked out from the two snapshots
    String sql = "WITH now AS (SELECT * FROM " + scan(Lake.table(after, Table.POST_METRICS)) + "), "
        + "was AS (SELECT * FROM " + scan(Lake.table(before, Table.POST_METRICS)) + "), "
        + "landed AS (SELECT * FROM now WHERE (post_id, observed_at) NOT IN (SELECT (post_id, observed_at) FROM was)), "
        + "earliest AS (SELECT post_id, min(observed_at) AS t FROM landed GROUP BY post_id) "
        + "SELECT DISTINCT year FROM landed UNION SELECT DISTINCT w.year FROM was w JOIN earliest e "
        + "ON w.post_id = e.post_id AND w.observed_at > e.t ORDER BY 1";
    List<String> months = query(sql.replace("DISTINCT year", "DISTINCT strftime(observed_date, '%Y-%m')")
        .replace("DISTINCT w.year", "DISTINCT strftime(w.observed_date, '%Y-%m')"));
    List<Integer> expected = months.stream().map(m -> Integer.valueOf(m.substring(0, 4))).distinct().toList();
    assertThat(expected).as("a late snapshot in 2022 reaches its post's 2024 one; new posts land in 2025")
        .containsExactly(2022, 2024, 2025);
    assertThat(metrics.action()).isEqualTo(Action.PARTITIONS);
    assertThat(metrics.rewrittenYears()).isEqualTo(expected);
    assertThat(metrics.rewrittenPeriods()).as("the months of those snapshots").isEqualTo(months);
    assertThat(metrics.linkedYears()).contains(2023);
  }

  static long bytesOfTables(Path snapshot) {
    long sum = 0;
    for (Table t : Table.values()) {
      sum += files(Lake.table(snapshot, t)).stream().mapToLong(IncrementalEqualsFullTest::size).sum();
    }
    return sum;
  }

  static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files not rewritten share the previous snapshot's inode; the tables' new bytes are the rewritten parts'. */
  static void assertLinkedAndGrowsByTheNews(LoadReport report, Path before, Path after, String step) {
    Set<Object> old = inodes(before);
    for (Table table : Table.values()) {
      Part part = report.parts().get(table.folder());
      assertThat(part).as(step + ": part of " + table.folder()).isNotNull();
      Path dir = Lake.table(after, table);
      for (Path file : files(dir)) {
        String relative = dir.relativize(file).toString();
        boolean shared = old.contains(inode(file));
        boolean rewritten = switch (part.action()) {
          case REWRITTEN -> true;
          case LINKED -> false;
          case PARTITIONS -> rewritten(part, relative);
        };
        assertThat(shared).as(step + ": " + table.folder() + "/" + relative + " is a link to the previous file")
            .isEqualTo(!rewritten);
      }
    }
    for (Map.Entry<String, Part> mart : report.parts().entrySet()) {
      Part part = mart.getValue();
      if (part.action() == Action.LINKED) {
        assertThat(files(after.resolve(mart.getKey()))).as(step + ": " + mart.getKey())
            .allSatisfy(f -> assertThat(old).contains(inode(f)));
      } else if (part.action() == Action.PARTITIONS) {
        Path dir = after.resolve(mart.getKey());
        for (Path file : files(dir)) {
          String relative = dir.relativize(file).toString();
          boolean rewritten = rewritten(part, relative);
          assertThat(old.contains(inode(file))).as(step + ": " + mart.getKey() + "/" + relative
              + " is a link to the previous file").isEqualTo(!rewritten);
        }
        assertThat(files(dir)).as(step + ": " + mart.getKey() + " links its other years").isNotEmpty();
      }
    }
  }

  /**
   * Whether a load that rewrote some parts of a table or mart wrote this file of it: a file of a
   * rewritten year, and for one stored by month or period, of a rewritten one.
   */
  static boolean rewritten(Part part, String relative) {
    int slash = relative.indexOf('/');
    if (slash < 0 || !part.rewrittenYears().contains(Integer.valueOf(relative.substring("year=".length(), slash)))) {
      return false;
    }
    String period = period(relative);
    return part.rewrittenPeriods().isEmpty() || period == null || part.rewrittenPeriods().contains(period);
  }

  /**
   * The month or period a lake file holds, from its folder and name ({@code year=2025/m11-part-…}:
   * {@code 2025-11}; {@code year=2025/p2025-Q4-part-…}: {@code 2025-Q4}); null when any of its year.
   */
  static String period(String relative) {
    Path file = Path.of(relative);
    String year = file.getName(0).toString().substring("year=".length());
    String tag = vn.danvan.etl.lake.YearFolders.tag(file.getFileName().toString());
    return tag.matches("m\\d\\d") ? year + "-" + tag.substring(1) : tag.startsWith("p") ? tag.substring(1) : null;
  }

  static List<String> query(String sql) {
    List<String> out = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }

  /** Same rows, as multisets, doubles rounded (sums may add up in another order); read by DuckDB. */
  static void assertSameRows(Connection duck, Path a, Path b, String what) throws Exception {
    String left = scan(a);
    String right = scan(b);
    List<String> columns = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + left)) {
      while (rs.next()) {
        String name = '"' + rs.getString(1) + '"';
        columns.add(rs.getString(2).equals("DOUBLE") ? "round(" + name + ", 6) AS " + name : name);
      }
    }
    columns.sort(null);
    String select = "SELECT " + String.join(", ", columns) + " FROM ";
    String sql = "SELECT * FROM ((" + select + left + " EXCEPT ALL " + select + right + ") UNION ALL ("
        + select + right + " EXCEPT ALL " + select + left + ")) LIMIT 5";
    List<String> differing = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          row.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
        }
        differing.add(row.toString());
      }
    }
    assertThat(differing).as(what + ": rows in one snapshot and not the other").isEmpty();
  }

  private static String scan(Path dir) {
    return "read_parquet('" + dir + "/**/*.parquet', hive_partitioning = true, union_by_name = true)";
  }

  /** The Parquet folders of a snapshot: tables, marts and this load's quarantine. */
  static Set<String> folders(Path snapshot) {
    Set<String> out = new java.util.TreeSet<>();
    try (Stream<Path> s = Files.walk(snapshot)) {
      s.filter(p -> p.toString().endsWith(".parquet")).map(p -> snapshot.relativize(p))
          .map(p -> p.getName(0).toString().equals(Lake.QUARANTINE) ? p.subpath(0, 2) : p.subpath(0, 1))
          .map(Path::toString).forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<Object> inodes(Path snapshot) {
    Set<Object> out = new HashSet<>();
    files(snapshot).forEach(f -> out.add(inode(f)));
    return out;
  }

  static Object inode(Path file) {
    try {
      return Files.getAttribute(file, "unix:ino");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
