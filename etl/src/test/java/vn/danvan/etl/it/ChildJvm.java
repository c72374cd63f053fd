package vn.danvan.etl.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import vn.danvan.etl.cli.SparkSessions;

/**
 * A Java process started the way {@code bin/danvan} starts one: the packaged jars of the module
 * ({@code target/etl.jar} + {@code target/lib/*}) and Spark's module flags. Its output is collected
 * line by line so a test can wait for a phase of the load (and kill it there).
 */
final class ChildJvm implements AutoCloseable {
  static final List<String> SPARK_OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true", SparkSessions.COMPILE_HUGE_METHODS,
      SparkSessions.THROUGHPUT_GC);

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread pump;

  private ChildJvm(Process process) {
    this.process = process;
    this.pump = new Thread(this::pumpOutput, "child-jvm-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** The folder holding {@code etl.jar} and {@code lib/}: the module's build directory. */
  static Path buildDir() {
    Path dir = Path.of(System.getProperty("danvan.build.dir", "target"));
    if (!Files.isRegularFile(dir.resolve("etl.jar")) || !Files.isDirectory(dir.resolve("lib"))) {
      throw new IllegalStateException("run after `mvn package`: no etl.jar and lib/ in " + dir.toAbsolutePath());
    }
    return dir;
  }

  static String classpath() {
    Path dir = buildDir();
    return dir.resolve("etl.jar") + ":" + dir.resolve("lib") + "/*";
  }

  static ChildJvm start(Map<String, String> env, List<String> jvmArgs, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SPARK_OPENS);
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new ChildJvm(builder.start());
  }

  /** Runs {@code vn.danvan.etl.cli.Main} with these arguments. */
  static ChildJvm danvan(List<String> args) throws IOException {
    return start(Map.of(), List.of("-Xmx2g"), "vn.danvan.etl.cli.Main", args);
  }

  private void pumpOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("<output closed: " + e.getMessage() + ">");
    }
  }

  /** Waits until a line of output matches, or the process ends, or the deadline passes. */
  boolean awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      List<String> snapshot = List.copyOf(lines);
      for (; seen < snapshot.size(); seen++) {
        if (match.test(snapshot.get(seen))) {
          return true;
        }
      }
      if (!process.isAlive()) {
        pump.join(1000);
        return List.copyOf(lines).stream().skip(seen).anyMatch(match);
      }
      process.waitFor(20, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException("process did not end within " + timeout + "; output:\n" + output());
    }
    pump.join(2000);
    return process.exitValue();
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hooks run. Waits until it is gone. */
  void kill9() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM, as a service manager's stop or {@code kill}: the JVM runs its shutdown hooks. Sent
   * through the process's handle: {@code Process.destroy()} would also close our end of its
   * output, losing what it says as it stops.
   */
  void term() {
    process.toHandle().destroy();
  }

  /**
   * SIGKILLs the processes this one started whose command line contains {@code text} (a worker's
   * executors); returns how many.
   */
  int killDescendants(String text) {
    List<ProcessHandle> found = process.descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)).toList();
    found.forEach(ProcessHandle::destroyForcibly);
    return found.size();
  }

  long pid() {
    return process.pid();
  }

  String output() {
    return String.join("\n", lines);
  }

  /** Stops the process and everything it started (a worker's executors). */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
