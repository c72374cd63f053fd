package vn.danvan.etl.cli;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What Spark has done since the last {@link #reset()}: tasks submitted and finished, rows read and
 * written. A load stage runs a few Spark jobs whose tasks are known only as each job's stages are
 * submitted, so the share done is an estimate that can step back when a new job begins; the rows
 * are exact.
 */
final class SparkTasks extends SparkListener {
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();

  record Snapshot(long submitted, long finished, long rowsRead, long rowsWritten) {}

  void reset() {
    submitted.set(0);
    finished.set(0);
    rowsRead.set(0);
    rowsWritten.set(0);
  }

  Snapshot now() {
    return new Snapshot(submitted.get(), finished.get(), rowsRead.get(), rowsWritten.get());
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted stage) {
    submitted.addAndGet(stage.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    finished.incrementAndGet();
    TaskMetrics metrics = task.taskMetrics();
    if (metrics != null) {
      rowsRead.addAndGet(metrics.inputMetrics().recordsRead());
      rowsWritten.addAndGet(metrics.outputMetrics().recordsWritten());
    }
  }
}
