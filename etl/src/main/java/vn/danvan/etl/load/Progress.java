package vn.danvan.etl.load;

import java.io.PrintWriter;

/**
 * One line per phase of a load ({@code reading activities (12 files)}, {@code writing activities},
 * {@code publishing <id>}), so a person, or a test that kills the load at a phase, can follow it.
 */
@FunctionalInterface
public interface Progress {
  /** A stage begins: what a failure names as the stage it happened in. */
  void phase(String message);

  /** A stage's outcome ({@code marts: 8 indicator values, …}): printed the same way, no new stage. */
  default void done(String message) {
    phase(message);
  }

  static Progress silent() {
    return message -> { };
  }

  /** Writes {@code [load] message} and flushes at once: the line must be visible before the work. */
  public static Progress printing(PrintWriter out) {
    return message -> {
      out.println("[load] " + message);
      out.flush();
    };
  }
}
