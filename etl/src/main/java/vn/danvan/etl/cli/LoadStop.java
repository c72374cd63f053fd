package vn.danvan.etl.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A SIGTERM or Ctrl-C while a {@code load} command runs. The JVM then runs every shutdown hook at
 * once: Spark's stops the session, which fails the job under way with "SparkContext was shut
 * down"; this one marks the stop, so that the load's one line says it was stopped (exit 143, the
 * code a process ended by SIGTERM has) rather than repeating Spark's message as a failure, and
 * waits (at most {@value #WAIT_SECONDS} s) for that line to be written before the JVM ends. With
 * no load under way (a watcher between loads) nothing would say anything, so it says the stop
 * itself.
 */
final class LoadStop implements AutoCloseable {
  /** The exit status of a JVM ended by SIGTERM (128 + 15), whatever the code asks for. */
  static final int EXIT = 143;
  private static final long WAIT_SECONDS = 20;

  private final CountDownLatch said = new CountDownLatch(1);
  private final Thread hook;
  private boolean requested;
  private boolean loading;

  /**
   * @param loading whether a load is under way from the start (a watcher's is not)
   * @param idle says the stop when no load is under way
   */
  LoadStop(boolean loading, Runnable idle) {
    this.loading = loading;
    hook = new Thread(() -> {
      boolean wait;
      synchronized (this) {
        requested = true;
        wait = this.loading;
      }
      if (!wait) {
        idle.run();
        return;
      }
      try {
        said.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "danvan-load-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether the JVM is stopping because it was asked to (a signal), not because the load ended. */
  synchronized boolean requested() {
    return requested;
  }

  /** A watcher's load starts. */
  synchronized void loading() {
    loading = true;
  }

  /**
   * A watcher's load has ended and said how. Returns whether a stop was asked for meanwhile: then
   * the stop is the caller's to say (if the load's own line did not), and the command ends.
   */
  synchronized boolean loaded() {
    loading = false;
    return requested;
  }

  /** The command has said all it will: the hook need not wait any longer. */
  @Override
  public void close() {
    said.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the line is said
    }
  }
}
