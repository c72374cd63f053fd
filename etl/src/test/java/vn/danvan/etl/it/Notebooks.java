package vn.danvan.etl.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the analysts' notebooks ({@code notebooks/*.ipynb}) headless, as an analyst's
 * {@code jupyter nbconvert --execute} would, so that a notebook which no longer runs against the
 * lake the ETL writes fails the build instead of the next analyst.
 *
 * <p>Jupyter is a requirement of the build ({@code notebooks/requirements.txt}, installed by
 * {@code .ci/run}): when it is missing the test fails with the command that installs it, rather
 * than skipping and letting a broken notebook through.
 */
final class Notebooks {
  static final String INSTALL = "python3 -m pip install -r notebooks/requirements.txt";
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

  private final Path root;

  private Notebooks(Path root) {
    this.root = root;
  }

  /** The notebooks of the project this test runs in (found upwards from the working folder). */
  static Notebooks ofProject() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("notebooks")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return new Notebooks(d);
      }
    }
    throw new IllegalStateException("no notebooks/ folder next to a pom.xml in " + dir + " or above");
  }

  /**
   * Executes {@code notebooks/<name>} with {@code env} added to this process's environment and
   * writes the executed copy into {@code outDir}.
   *
   * @throws AssertionError with the process's output when it fails or outlasts {@code timeout}
   */
  void execute(String name, Map<String, String> env, Path outDir, Duration timeout)
      throws IOException, InterruptedException {
    Path notebook = root.resolve("notebooks").resolve(name);
    if (!Files.isRegularFile(notebook)) {
      throw new IllegalStateException("no notebook " + notebook);
    }
    Files.createDirectories(outDir);
    requireJupyter(outDir.resolve("nbconvert-version.log"));
    Run run = run(List.of("python3", "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=" + timeout.toSeconds(), "--output-dir", outDir.toString(),
        root.relativize(notebook).toString()), env, outDir.resolve(name + ".log"), timeout);
    if (run.exitCode() != 0) {
      throw new AssertionError("notebook " + name + " failed"
          + (run.exitCode() < 0 ? " to finish within " + timeout : " with exit code " + run.exitCode())
          + ":\n" + run.output());
    }
  }

  private void requireJupyter(Path log) throws IOException, InterruptedException {
    Run probe;
    try {
      probe = run(List.of("python3", "-m", "jupyter", "nbconvert", "--version"), Map.of(), log,
          PROBE_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError("python3 cannot be started (" + e.getMessage() + "); the notebook "
          + "tests need Python 3 with Jupyter: " + INSTALL, e);
    }
    if (probe.exitCode() != 0) {
      throw new AssertionError("jupyter nbconvert is not installed; run `" + INSTALL + "`:\n"
          + probe.output());
    }
  }

  /** Exit code, or -1 when the process was stopped at the timeout. */
  private record Run(int exitCode, String output) {}

  private Run run(List<String> command, Map<String, String> env, Path log, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    int exit;
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      exit = process.exitValue();
    } else {
      // the kernel is a child of nbconvert: stop it too
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      children.forEach(ProcessHandle::destroyForcibly);
      exit = -1;
    }
    return new Run(exit, new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
  }
}
