package vn.danvan.etl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The full log of one load: Spark's warnings and errors with their traces, and the load's own
 * failure, in {@code $DANVAN_LOG_DIR/load-<UTC time>.log} (default: the system's temporary folder,
 * {@code danvan-logs/}, off the lake's disk, which may be the full one). The terminal gets the
 * load's progress and, on failure, one line that names this file ({@code log4j2.properties} sends
 * every logger to it, none to the console).
 */
final class LoadLog {
  static final String DIR_ENV = "DANVAN_LOG_DIR";
  /** The system property {@code log4j2.properties} names its file by. */
  static final String FILE_PROPERTY = "danvan.log.file";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Logger LOG = LogManager.getLogger("vn.danvan.load");

  private LoadLog() {}

  /** Points the log at a new file for this load and returns it. */
  static Path start(Clock clock, Map<String, String> env) {
    String dir = env.get(DIR_ENV);
    Path folder = dir != null && !dir.isBlank() ? Path.of(dir)
        : Path.of(System.getProperty("java.io.tmpdir"), "danvan-logs");
    Path file = folder.resolve("load-" + STAMP.format(clock.instant()) + "-" + ProcessHandle.current().pid() + ".log")
        .toAbsolutePath();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      // log4j then reports its own error; the load itself does not depend on its log
    }
    System.setProperty(FILE_PROPERTY, file.toString());
    ((LoggerContext) LogManager.getContext(false)).reconfigure();
    return file;
  }

  /** The failure with its whole trace, into the log only. */
  static void failure(String line, Throwable e) {
    LOG.error(line, e);
  }
}
