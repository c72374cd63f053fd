package vn.danvan.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard server as its own process ({@code serve}, in a JVM started with the heap
 * {@code bin/danvan} gives it), so that its memory is measured apart from the load generator's:
 * {@code VmRSS} of {@code /proc/<pid>/status} sampled every 100 ms, and {@code VmHWM} at the end.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final String url;
  private final ScheduledExecutorService sampler;
  private final AtomicLong peakRss = new AtomicLong();

  private ServerProcess(Process process, String url) {
    this.process = process;
    this.url = url;
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "server-rss");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(status("VmRSS:"), Math::max), 0, 100,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Starts {@code serve --lake lake} on a free port of 127.0.0.1 (each client keyed by its
   * signed-in account, as served in production) and waits until {@code /health} answers
   * {@code 200} to {@code token}.
   */
  static ServerProcess start(Path lake, List<String> jvmOptions, int duckDbMemoryMib, Path log, String token)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.danvan.dashboard.Main", "serve",
        "--lake", lake.toAbsolutePath().toString(), "--port", Integer.toString(port),
        "--duckdb-memory-mb", Integer.toString(duckDbMemoryMib)));
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String url = "http://127.0.0.1:" + port + "/";
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      if (!p.isAlive()) {
        throw new IOException("the server exited with " + p.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url + "health"))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return new ServerProcess(p, url);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
          p.destroyForcibly();
          throw new IllegalStateException("the server refused the bench's token (" + r.statusCode() + "); see " + log);
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("the server did not answer /health within 3 minutes; see " + log);
      }
      Thread.sleep(250);
    }
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** The highest VmRSS sampled since the last call, in bytes; the sampling starts again from now. */
  long takePeakRss() {
    return Math.max(peakRss.getAndSet(0), status("VmRSS:"));
  }

  /** The kernel's high-water mark of the server's resident memory since it started, in bytes. */
  long highWaterRss() {
    return status("VmHWM:");
  }

  private long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
