package vn.danvan.etl.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.load.TestSpark;

/**
 * The same job jar runs on a real Spark standalone cluster (a master and a worker started here on
 * 127.0.0.1, submitted through Spark's own SparkSubmit) and yields exactly the lake that local mode
 * yields from the same landing files, although its executor is killed half-way.
 */
class ClusterLoadIT {

  @Test
  void load_on_a_standalone_cluster_with_a_killed_executor_equals_the_local_mode_load(@TempDir Path tmp) throws Exception {
    Path landing = tmp.resolve("landing");
    try (ChildJvm gen = ChildJvm.danvan(List.of("generate", "--out", landing.toString(),
        "--years", "2024-2025", "--scale", "0.05", "--seed", "7"))) {
      assertThat(gen.waitFor(Duration.ofMinutes(3))).as(gen.output()).isZero();
    }
    Path localLake = tmp.resolve("lake-local");
    try (ChildJvm local = ChildJvm.danvan(List.of("load", landing.toString(),
        "--lake", localLake.toString(), "--master", "local[2]"))) {
      assertThat(local.waitFor(Duration.ofMinutes(5))).as(local.output()).isZero();
    }

    Path sparkHome = sparkHomeWithJars(tmp.resolve("spark-home"));
    int masterPort = freePort();
    int masterUiPort = freePort();
    String masterUrl = "spark://127.0.0.1:" + masterPort;
    Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(),
        "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    Path clusterLake = tmp.resolve("lake-cluster");
    // the daemons log at Spark's INFO defaults (the etl jar on their classpath keeps jobs quiet),
    // which is where they say that they registered and launched executors
    List<String> daemon = List.of("-Xmx512m",
        "-Dlog4j2.configurationFile=org/apache/spark/log4j2-defaults.properties");
    try (ChildJvm master = ChildJvm.start(env, daemon,
            "org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1",
                "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort)));
        ChildJvm worker = ChildJvm.start(env, daemon,
            "org.apache.spark.deploy.worker.Worker", List.of(masterUrl, "--host", "127.0.0.1",
                "--cores", "2", "--memory", "3g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", tmp.resolve("worker").toString()))) {
      awaitAliveWorker(masterUiPort, master, worker);

      try (ChildJvm submit = ChildJvm.start(env, List.of("-Xmx2g"),
          "org.apache.spark.deploy.SparkSubmit", List.of("--master", masterUrl,
              "--deploy-mode", "client", "--class", "vn.danvan.etl.cli.Main",
              "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
              "--conf", "spark.executor.memory=2g",
              ChildJvm.buildDir().resolve("etl.jar").toString(),
              "load", landing.toString(), "--lake", clusterLake.toString(), "--master", masterUrl))) {
        // the executor killed (kill -9) while the load writes a table: Spark loses its tasks and
        // cached blocks, the worker launches another executor and the lost work runs again
        assertThat(submit.awaitLine(line -> line.contains("[load] writing activities"), Duration.ofMinutes(5)))
            .as(submit.output()).isTrue();
        assertThat(worker.killDescendants("CoarseGrainedExecutorBackend")).as("executors killed").isEqualTo(1);
        assertThat(submit.waitFor(Duration.ofMinutes(8))).as(submit.output()).isZero();
      }
      assertThat(worker.output()).as("the job really ran on the worker's executors, the second after the first was killed")
          .contains("Asked to launch executor app-").containsPattern("Asked to launch executor app-\\S+/1 ");
      // the executors' JVMs compile Spark's huge generated methods, as bin/danvan's JVM does
      assertThat(worker.output()).as("the worker's launch command of an executor")
          .containsPattern("Launch command: .*-XX:-DontCompileHugeMethods.*CoarseGrainedExecutorBackend");
    }

    SparkSession spark = TestSpark.start("cluster-it-compare");
    try {
      Path a = currentSnapshot(localLake);
      Path b = currentSnapshot(clusterLake);
      List<String> compared = new ArrayList<>();
      for (Table table : Table.values()) {
        Path left = a.resolve(table.folder());
        if (!Files.isDirectory(left)) {
          continue;
        }
        Dataset<Row> x = spark.read().parquet(left.toString());
        Dataset<Row> y = spark.read().parquet(b.resolve(table.folder()).toString());
        assertThat(y.count()).as(table.folder()).isEqualTo(x.count());
        assertThat(x.exceptAll(y).count()).as(table.folder() + " local minus cluster").isZero();
        assertThat(y.exceptAll(x).count()).as(table.folder() + " cluster minus local").isZero();
        compared.add(table.folder());
      }
      assertThat(compared).contains("activities", "posts", "post_metrics", "report_values");
      assertThat(readReportCounts(b)).isEqualTo(readReportCounts(a));
    } finally {
      spark.stop();
    }
  }

  /** A SPARK_HOME whose jars/ holds the job's dependency jars: all a worker needs to launch executors. */
  private static Path sparkHomeWithJars(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> libs = Files.list(ChildJvm.buildDir().resolve("lib"))) {
      for (Path lib : (Iterable<Path>) libs::iterator) {
        Files.createSymbolicLink(jars.resolve(lib.getFileName()), lib.toAbsolutePath());
      }
    }
    Files.writeString(home.resolve("RELEASE"), "Spark (jars from Maven Central)\n");
    return home;
  }

  private static void awaitAliveWorker(int uiPort, ChildJvm master, ChildJvm worker) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(body);
        if (alive.find() && Integer.parseInt(alive.group(1)) > 0) {
          return;
        }
      } catch (IOException notUpYet) {
        // the master's UI is not listening yet
      }
      worker.awaitLine(line -> line.contains("Successfully registered with master"), Duration.ofMillis(500));
    }
    throw new AssertionError("no worker registered with the master within 90 s\nmaster:\n"
        + master.output() + "\nworker:\n" + worker.output());
  }

  private static Path currentSnapshot(Path lake) throws IOException {
    String id = Files.readString(lake.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
    Path snapshot = lake.resolve("snapshots").resolve(id);
    assertThat(snapshot).isDirectory();
    return snapshot;
  }

  /** The per-table counts of the load report, without ids and times (they differ by design). */
  private static List<String> readReportCounts(Path snapshot) throws IOException {
    String json = Files.readString(snapshot.resolve("_load_report.json"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"(read|landed|quarantined)\"\\s*:\\s*(\\d+)").matcher(json);
    List<String> counts = new ArrayList<>();
    while (m.find()) {
      counts.add(m.group(1) + "=" + m.group(2));
    }
    assertThat(counts).isNotEmpty();
    return counts;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
