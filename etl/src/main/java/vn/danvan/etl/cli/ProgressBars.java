package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.SparkContext;
import vn.danvan.etl.load.Progress;

/**
 * A load's progress on a terminal: one bar per stage (me.tongfei:progressbar) with the Spark tasks
 * done out of those submitted, the rows read and written so far, the share done and the time left,
 * redrawn in place; each stage's bar stays on its line when the next begins. Where the output is
 * not a terminal (CI logs, pipes) the load prints plain lines instead ({@link Progress#printing}).
 */
final class ProgressBars implements Progress, AutoCloseable {
  private static final int REDRAW_MS = 500;

  private final PrintWriter out;
  private final SparkContext spark;
  private final SparkTasks tasks = new SparkTasks();
  private final ScheduledExecutorService redraw = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "danvan-progress");
    t.setDaemon(true);
    return t;
  });
  private ProgressBar bar;

  ProgressBars(SparkContext spark, PrintWriter out) {
    this.spark = spark;
    this.out = out;
    spark.addSparkListener(tasks);
    redraw.scheduleAtFixedRate(this::update, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
  }

  /** Whether bars make sense: a terminal that can redraw a line. */
  static boolean terminal(java.util.Map<String, String> env) {
    return System.console() != null && !"dumb".equals(env.get("TERM"));
  }

  @Override
  public synchronized void phase(String message) {
    finish();
    tasks.reset();
    bar = new ProgressBarBuilder().setTaskName(message).setInitialMax(0).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REDRAW_MS).setConsumer(new Line(out)).setMaxRenderedLength(120).build();
  }

  @Override
  public synchronized void done(String message) {
    finish();
    out.println("[load] " + message);
    out.flush();
  }

  private synchronized void update() {
    if (bar == null) {
      return;
    }
    SparkTasks.Snapshot now = tasks.now();
    bar.maxHint(Math.max(now.submitted(), 1));
    bar.stepTo(now.finished());
    bar.setExtraMessage(String.format(Locale.ROOT, "%,d rows read, %,d written", now.rowsRead(), now.rowsWritten()));
  }

  private void finish() {
    if (bar != null) {
      update();
      bar.stepTo(bar.getMax());
      bar.close();
      bar = null;
    }
  }

  @Override
  public synchronized void close() {
    finish();
    redraw.shutdownNow();
    spark.removeSparkListener(tasks);
  }

  /** Draws the bar on the command's own output, in place (carriage return), ending the line on close. */
  private static final class Line implements ProgressBarConsumer {
    private final PrintWriter out;

    Line(PrintWriter out) {
      this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
      return 120;
    }

    @Override
    public void accept(String rendered) {
      out.print('\r');
      out.print(rendered);
      out.flush();
    }

    @Override
    public void close() {
      out.println();
      out.flush();
    }
  }
}
