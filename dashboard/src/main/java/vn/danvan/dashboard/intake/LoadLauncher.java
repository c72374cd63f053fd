package vn.danvan.dashboard.intake;

import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Lake;
import vn.danvan.contract.intake.SubmissionWatcher;

/**
 * Starts {@code bin/danvan load --submissions --lake LAKE} as its own process: a Spark load never
 * runs inside the dashboard's JVM (its classpath holds no Spark, and a load needs gigabytes). The
 * project folder comes from {@code bin/danvan} ({@value #HOME_PROPERTY}); without it (a server
 * started otherwise) the admin is told to run the command. The load takes the lake's lock, so a
 * second start while one runs fails in that process, not here; its output goes to a log beside the
 * submissions. None is started while a watcher runs ({@link SubmissionWatcher}).
 */
public final class LoadLauncher {
  /** The system property {@code bin/danvan} sets to the project folder. */
  public static final String HOME_PROPERTY = "danvan.home";

  /** A started load: the command line and where its output goes. */
  public record Started(String command, Path log) {}

  private final Optional<Path> home;
  private final Path lake;
  private final Path logs;
  private final Clock clock;

  public LoadLauncher(Optional<Path> home, Path lake, Path logs, Clock clock) {
    this.home = Objects.requireNonNull(home, "home");
    this.lake = Objects.requireNonNull(lake, "lake");
    this.logs = Objects.requireNonNull(logs, "logs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The launcher of the project {@code bin/danvan} was run from, if it was. */
  public static LoadLauncher fromSystem(Path lake, Path logs) {
    return new LoadLauncher(Optional.ofNullable(System.getProperty(HOME_PROPERTY)).map(Path::of), lake, logs,
        Clock.systemUTC());
  }

  /**
   * Starts the load, unless a {@code load --submissions --watch} runs on the lake: that one loads
   * the pending submissions without being asked, and a load started beside it would race it for the
   * lake's lock (the one that loses exits 1).
   */
  Started start() throws IOException {
    Optional<SubmissionWatcher.Running> watcher = watcher();
    if (watcher.isPresent()) {
      throw new HttpResponseException(HttpStatus.CONFLICT.getCode(), "a load --submissions --watch ("
          + watcher.get() + ") loads the submissions of this lake as they arrive; no load was started");
    }
    List<String> command = command();
    Path script = Path.of(command.get(0));
    if (!Files.isExecutable(script)) {
      throw IntakeController.unavailable("this server cannot start a load itself (it was not started by"
          + " bin/danvan); run on the server: " + String.join(" ", command));
    }
    Files.createDirectories(logs);
    Path log = logs.resolve("load-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + ".log");
    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Started(String.join(" ", command), log);
  }

  /** The {@code load --submissions --watch} running on the lake, if one does. */
  Optional<SubmissionWatcher.Running> watcher() {
    return SubmissionWatcher.running(Lake.at(lake));
  }

  /** {@code <home>/bin/danvan load --submissions --lake <lake>}. */
  List<String> command() {
    String script = home.map(h -> h.resolve("bin").resolve("danvan").toString()).orElse("bin/danvan");
    return List.of(script, "load", "--submissions", "--lake", lake.toAbsolutePath().toString());
  }
}
