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
 * <p>The notebooks run on the Python named by the system property {@value #PYTHON_PROPERTY}: the
 * virtual environment that the etl module's build makes from {@code notebooks/requirements.txt} in
 * pre-integration-test ({@code etl/src/test/notebook-venv.sh}), passed by failsafe. Without the
 * property (a test started outside Maven) they run on {@code python3}. When that Python lacks
 * Jupyter the test fails and says how to get it, rather than skipping and letting a broken
 * notebook through.
 */
final class Notebooks {
  static final String PYTHON_PROPERTY = "danvan.notebook.python";
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

  private final Path root;
  private final String python;

  private Notebooks(Path root, String python) {
    this.root = root;
    this.python = python;
  }

  /** The notebooks of the project this test runs in (found upwards from the working folder). */
  static Notebooks ofProject() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("notebooks")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return new Notebooks(d, System.getProperty(PYTHON_PROPERTY, "python3"));
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
    Run run = run(List.of(python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=" + timeout.toSeconds(), "--output-dir", outDir.toString(),
        root.relativize(notebook).toString()), env, outDir.resolve(name + ".log"), timeout);
    if (run.exitCode() != 0) {
      throw new AssertionError("notebook " + name + " failed"
          + (run.exitCode() < 0 ? " to finish within " + timeout : " with exit code " + run.exitCode())
          + ":\n" + run.output());
    }
  }

  /** The Python the notebooks run on: the build's venv, or {@code python3} outside Maven. */
  String python() {
    return python;
  }

  /**
   * Checks that {@link #python()} has {@code jupyter nbconvert}; its version goes to {@code log}.
   *
   * @throws AssertionError saying how to get it when it has not
   */
  void requireJupyter(Path log) throws IOException, InterruptedException {
    Run probe;
    try {
      probe = run(List.of(python, "-m", "jupyter", "nbconvert", "--version"), Map.of(), log,
          PROBE_TIMEOUT);
    } catch (IOException e) {
      throw new AssertionError(python + " cannot be started (" + e.getMessage() + "). "
          + howToGet(), e);
    }
    if (probe.exitCode() != 0) {
      throw new AssertionError(python + " has no jupyter nbconvert. " + howToGet() + "\n"
          + probe.output());
    }
  }

  private String howToGet() {
    if (System.getProperty(PYTHON_PROPERTY) != null) {
      Path python = Path.of(this.python).toAbsolutePath();
      Path venv = python.getParent() == null ? python : python.getParent().getParent();
      return "It is the notebook tests' venv, which the etl build makes in pre-integration-test "
          + "from notebooks/requirements.txt: delete " + venv + " and run `mvn -B verify` again to "
          + "make it anew (that needs python3 with venv, on Debian `apt-get install python3 "
          + "python3-venv`, and pip's package index).";
    }
    return "Without -D" + PYTHON_PROPERTY + " (a test started outside Maven) the notebooks run on "
        + "python3: run the tests through Maven (`mvn -B verify` makes a venv with Jupyter), or "
        + "pass -D" + PYTHON_PROPERTY + "=etl/target/notebook-venv/bin/python after a Maven run, "
        + "or `python3 -m pip install -r notebooks/requirements.txt`.";
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
