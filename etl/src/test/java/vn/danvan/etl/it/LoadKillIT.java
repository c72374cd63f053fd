package vn.danvan.etl.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.etl.load.TestSpark;

/**
 * kill -9 of a load at several points never shows readers anything but the whole previous snapshot;
 * a rerun publishes a complete one; loading the same input twice yields identical fact rows.
 */
class LoadKillIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Progress lines of the load after which it is killed: reading, writing, publishing. */
  private static final List<String> KILL_POINTS = List.of(
      "[load] reading post_metrics", "[load] writing activities", "[load] writing post_metrics",
      "[load] publishing");

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start("kill-it");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void a_killed_load_leaves_the_previous_snapshot_current_and_whole(@TempDir Path tmp) throws Exception {
    Path first = generate(tmp.resolve("landing-a"), "11");
    Path second = generate(tmp.resolve("landing-b"), "12");
    Path lake = tmp.resolve("lake");
    load(first, lake);
    String published = current(lake);
    Map<String, String> fingerprint = fingerprint(lake.resolve("snapshots").resolve(published));
    assertComplete(lake, published);

    for (String point : KILL_POINTS) {
      try (ChildJvm load = ChildJvm.danvan(List.of("load", second.toString(), "--lake", lake.toString()))) {
        assertThat(load.awaitLine(line -> line.startsWith(point), Duration.ofMinutes(4)))
            .as("the load reached '%s'; output:%n%s", point, load.output()).isTrue();
        load.kill9();
      }
      // Killed while publishing, the two renames may or may not have happened: CURRENT names
      // either the previous snapshot or the new one, and whichever it names is complete.
      String now = current(lake);
      if (point.equals("[load] publishing") && !now.equals(published)) {
        assertComplete(lake, now);
      } else {
        assertThat(now).as("CURRENT after kill at '%s'", point).isEqualTo(published);
      }
      assertThat(fingerprint(lake.resolve("snapshots").resolve(published)))
          .as("the published snapshot's files after kill at '%s'", point).isEqualTo(fingerprint);
      assertComplete(lake, published);
      try (Stream<Path> snapshots = Files.list(lake.resolve("snapshots"))) {
        for (Path snapshot : (Iterable<Path>) snapshots::iterator) {
          assertComplete(lake, snapshot.getFileName().toString());
        }
      }
    }

    load(second, lake);
    String rerun = current(lake);
    assertThat(rerun).isNotEqualTo(published);
    assertComplete(lake, rerun);
    try (Stream<Path> staging = Files.list(lake.resolve("_staging"))) {
      assertThat(staging).as("stale staging of killed loads is cleaned").isEmpty();
    }

    load(second, lake);
    String again = current(lake);
    assertThat(again).isNotEqualTo(rerun);
    for (String table : List.of("activities", "report_values", "models", "posts", "post_metrics",
        "survey_responses", "population")) {
      Dataset<Row> x = read(lake, rerun, table);
      Dataset<Row> y = read(lake, again, table);
      assertThat(x.count()).as(table).isPositive().isEqualTo(y.count());
      assertThat(x.exceptAll(y).count()).as(table + ": the same input loaded twice").isZero();
      assertThat(y.exceptAll(x).count()).as(table + ": the same input loaded twice").isZero();
    }
  }

  private static Path generate(Path out, String seed) throws Exception {
    try (ChildJvm gen = ChildJvm.danvan(List.of("generate", "--out", out.toString(),
        "--years", "2024-2025", "--scale", "0.05", "--seed", seed))) {
      assertThat(gen.waitFor(Duration.ofMinutes(3))).as(gen.output()).isZero();
    }
    return out;
  }

  private static void load(Path landing, Path lake) throws Exception {
    try (ChildJvm load = ChildJvm.danvan(List.of("load", landing.toString(), "--lake", lake.toString()))) {
      assertThat(load.waitFor(Duration.ofMinutes(5))).as(load.output()).isZero();
    }
  }

  private static String current(Path lake) throws IOException {
    return Files.readString(lake.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
  }

  private static Dataset<Row> read(Path lake, String snapshot, String table) {
    return spark.read().parquet(lake.resolve("snapshots").resolve(snapshot).resolve(table).toString());
  }

  /** Every table a reader can see in the snapshot holds exactly the rows its load report states. */
  private static void assertComplete(Path lake, String snapshot) throws IOException {
    Path dir = lake.resolve("snapshots").resolve(snapshot);
    JsonNode tables = JSON.readTree(dir.resolve("_load_report.json").toFile()).path("tables");
    assertThat(tables.size()).as("tables in the report of " + snapshot).isPositive();
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) tables::fields) {
      long expected = entry.getValue().path("rows_in_lake").asLong(-1);
      Path table = dir.resolve(entry.getKey());
      if (expected > 0) {
        assertThat(spark.read().parquet(table.toString()).count())
            .as("%s/%s rows", snapshot, entry.getKey()).isEqualTo(expected);
      }
    }
  }

  /** Path → SHA-256 of every file of a snapshot: a published snapshot never changes. */
  private static Map<String, String> fingerprint(Path snapshot) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(snapshot)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
          sha.update(in.readAllBytes());
        }
        files.put(snapshot.relativize(file).toString(), HexFormat.of().formatHex(sha.digest()));
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
