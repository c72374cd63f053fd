package vn.danvan.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one line of a failed load, read from failures wrapped the way Spark wraps them. */
class LoadFailureTest {
  private static final Path LOG = Path.of("/var/log/danvan/load-1.log");

  @Test
  void aFullDiskNamesTheTableItWasWritingFromTheStagedPath() {
    IOException disk = new IOException("No space left on device");
    RuntimeException spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 41.0 failed "
        + "1 times, most recent failure: Lost task 0.0 (TID 12): org.apache.spark.SparkException: [TASK_WRITE_FAILED] "
        + "Task failed while writing rows to file:/data/lake/_staging/20261203T101010000Z-0a0b0c0d/post_stats.",
        new RuntimeException("wrapped", disk));

    LoadFailure f = LoadFailure.of(spark, "building marts");

    assertThat(f.kind()).isEqualTo(LoadFailure.Kind.NO_SPACE);
    assertThat(f.table()).isEqualTo("post_stats");
    assertThat(f.line(Optional.of("20261101T000000000Z-00000001"), LOG)).isEqualTo(
        "load failed while building marts (table post_stats): no space left on the device (No space left on "
            + "device). Nothing was published; snapshot 20261101T000000000Z-00000001 stays current. "
            + "Full log: /var/log/danvan/load-1.log (exit 4)");
  }

  @Test
  void outOfMemoryAnywhereInTheChainOrInAnExecutorsMessage() {
    assertThat(LoadFailure.of(new RuntimeException("x", new OutOfMemoryError("Java heap space")), "writing posts")
        .kind()).isEqualTo(LoadFailure.Kind.OUT_OF_MEMORY);
    LoadFailure executor = LoadFailure.of(new RuntimeException("Job aborted: Lost task 3.0: java.lang.OutOfMemoryError: "
        + "GC overhead limit exceeded"), "writing activities");
    assertThat(executor.kind().exit()).isEqualTo(5);
    assertThat(executor.line(Optional.empty(), LOG)).startsWith("load failed while writing activities: out of memory")
        .contains("no snapshot is current yet");
  }

  @Test
  void aLostExecutorAndAnyOtherFailure() {
    RuntimeException lost = new RuntimeException("Job aborted due to stage failure: Task 2 in stage 3.0 failed 4 "
        + "times: ExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: Command exited "
        + "with code 137");
    assertThat(LoadFailure.of(lost, "reading activities (3 files)").kind()).isEqualTo(LoadFailure.Kind.EXECUTOR_LOST);

    IllegalStateException other = new IllegalStateException("CURRENT names snapshot x, which is not in snapshots");
    LoadFailure f = LoadFailure.of(new RuntimeException(other), null);
    assertThat(f.kind().exit()).isEqualTo(1);
    assertThat(f.line(Optional.empty(), LOG)).isEqualTo("load failed: IllegalStateException: CURRENT names "
        + "snapshot x, which is not in snapshots. Nothing was published; no snapshot is current yet. "
        + "Full log: /var/log/danvan/load-1.log (exit 1)");
  }

  @Test
  void suppressedFailuresCountToo() {
    RuntimeException first = new RuntimeException("write failed");
    first.addSuppressed(new IOException("No space left on device"));
    assertThat(LoadFailure.of(first, "writing regions").kind()).isEqualTo(LoadFailure.Kind.NO_SPACE);
  }

  @Test
  void aLoadStoppedByASignalSaysSoInsteadOfSparksShutDownMessage() {
    assertThat(LoadFailure.stopped("writing posts").line(Optional.empty(), LOG)).isEqualTo(
        "load stopped by a signal (SIGTERM or Ctrl-C) while writing posts. Nothing was published; no snapshot is "
            + "current yet. Full log: /var/log/danvan/load-1.log (exit 143)");
  }
}
