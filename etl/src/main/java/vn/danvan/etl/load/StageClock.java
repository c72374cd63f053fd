package vn.danvan.etl.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a load's stages took, for its report ({@code seconds}): the tables, then each mart
 * built or linked, and the marts together.
 */
final class StageClock {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private String mart;
  private long since;
  private long martsSince = -1;

  /** Stage {@code name} ran from {@code startNanos} ({@link System#nanoTime}) until now. */
  void record(String name, long startNanos) {
    seconds.merge(name, (System.nanoTime() - startNanos) / 1e9, Double::sum);
  }

  /**
   * A mart's stage begins now, named by the progress phase {@link vn.danvan.etl.marts.MartsJob}
   * says ("building indicator_values for [2025]", "linking post_stats to the previous snapshot").
   */
  void startPhase(String phase) {
    String[] words = phase.split(" ");
    startMart(words.length > 1 ? words[1] : phase);
  }

  /** Mart {@code name}'s stage begins now; the mart before it ends. */
  void startMart(String name) {
    long now = System.nanoTime();
    endMart(now);
    if (martsSince < 0) {
      martsSince = now;
    }
    mart = name;
    since = now;
  }

  /** Ends the last mart; the seconds of every stage, {@code marts} last. */
  Map<String, Double> stop() {
    long now = System.nanoTime();
    endMart(now);
    if (martsSince >= 0) {
      seconds.put("marts", (now - martsSince) / 1e9);
    }
    return seconds;
  }

  private void endMart(long now) {
    if (mart != null) {
      seconds.merge(mart, (now - since) / 1e9, Double::sum);
      mart = null;
    }
  }
}
