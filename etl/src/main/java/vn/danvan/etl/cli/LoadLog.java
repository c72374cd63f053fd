package vn.danvan.etl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>In a process of its own ({@link #strayOutput}, from {@link Main}), the file also takes
 * what goes to {@code System.err} past the loggers: a thread's uncaught exception, Scala's report of
 * a failed future. After an out-of-memory stage, Spark's shutdown printed 29 lines of such a trace
 * under the load's one line. The command's own messages still reach the terminal: it writes them
 * through the stream picocli took before the load began.
 */
final class LoadLog {
  static final String DIR_ENV = "DANVAN_LOG_DIR";
  /** The system property {@code log4j2.properties} names its file by. */
  static final String FILE_PROPERTY = "danvan.log.file";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Logger LOG = LogManager.getLogger("vn.danvan.load");

  /** Whether each load's log also takes {@code System.err}: only in a process of the command line's own. */
  private static volatile boolean strays;
  /** The stream {@code System.err} is now, while it is a log's. */
  private static PrintStream stray;

  private LoadLog() {}

  /**
   * Whether, from the next {@link #start} on, {@code System.err} goes to the load's log. For
   * {@link Main} only: it replaces {@code System.err} for the whole JVM, which a caller running the
   * command in its own JVM (a test, the benchmark) keeps.
   */
  static void strayOutput(boolean take) {
    strays = take;
  }

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
    if (strays) {
      strayInto(file);
    }
    return file;
  }

  private static synchronized void strayInto(Path file) {
    PrintStream next = new PrintStream(new OnDemand(file), true, StandardCharsets.UTF_8);
    System.setErr(next);
    if (stray != null) {
      stray.close();
    }
    stray = next;
  }

  /**
   * Appends to the file from its first byte on, as the loggers' appender does ({@code
   * createOnDemand}): a load that prints nothing leaves no file. A file that cannot be written (no
   * space, no folder) swallows what it is given; the terminal still gets the load's one line.
   */
  private static final class OnDemand extends OutputStream {
    private final Path file;
    private OutputStream out;

    OnDemand(Path file) {
      this.file = file;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      open().write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      open().write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      if (out != null) {
        out.flush();
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (out != null) {
        out.close();
      }
    }

    private OutputStream open() throws IOException {
      if (out == null) {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      return out;
    }
  }

  /** The failure with its whole trace, into the log only. */
  static void failure(String line, Throwable e) {
    LOG.error(line, e);
  }
}
