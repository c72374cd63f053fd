package vn.danvan.warehouse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * CURRENT moves to a new snapshot again and again while readers ask for series: every answer must
 * come whole from the one snapshot it names, and none may fail.
 */
class SnapshotSwitchTest {
  private static final int PROVINCES = 34;
  private static final int SNAPSHOTS = 12;
  private static final int READERS = 4;

  @TempDir Path tmp;

  @Test
  void switching_current_while_queries_run_never_fails_or_mixes_two_snapshots() throws Exception {
    TestLake lake = TestLake.in(tmp.resolve("lake"));
    for (int s = 1; s <= SNAPSHOTS; s++) {
      lake.marts(id(s), PROVINCES, s);
    }
    lake.publish(id(1));
    List<String> regions = IntStream.rangeClosed(1, PROVINCES)
        .mapToObj(i -> String.format("%02d", i)).toList();
    SeriesRequest request = new SeriesRequest("activity_sessions", regions, OptionalInt.of(2016),
        OptionalInt.of(2025), Grain.YEAR, Boundaries.RESTATED_2025, false, false);
    AtomicBoolean done = new AtomicBoolean();
    Map<String, AtomicInteger> answersBySnapshot = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      IndicatorQueries queries = new IndicatorQueries(wh, IndicatorCatalogue.load());
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(() -> {
          int answers = 0;
          while (!done.get() || answers == 0) {
            SeriesResult result = queries.series(RegionScope.country(), request);
            int s = Integer.parseInt(result.snapshot().substring(1));
            for (RegionSeries series : result.series()) {
              int province = Integer.parseInt(series.region());
              assertThat(series.points()).hasSize(10)
                  .allSatisfy(p -> assertThat(p.value()).as("%s in %s", series.region(), result.snapshot())
                      .isEqualTo(s * 100.0 + province));
            }
            answersBySnapshot.computeIfAbsent(result.snapshot(), k -> new AtomicInteger()).incrementAndGet();
            answers++;
          }
          return answers;
        }));
      }
      for (int s = 2; s <= SNAPSHOTS; s++) {
        awaitAnswersFrom(answersBySnapshot, id(s - 1));
        lake.publish(id(s));
        assertThat(wh.refresh()).isTrue();
      }
      awaitAnswersFrom(answersBySnapshot, id(SNAPSHOTS));
      done.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> seen = answersBySnapshot.keySet();
    assertThat(seen).hasSize(SNAPSHOTS);
  }

  /** Waits (by polling the readers' progress, bounded) until some answer came from {@code id}. */
  private static void awaitAnswersFrom(Map<String, AtomicInteger> answers, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!answers.containsKey(id)) {
      assertThat(System.nanoTime()).as("an answer from " + id + " within 60 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static String id(int s) {
    return "s" + s;
  }
}
