package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.apache.spark.network.util.JavaUtils;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

  /**
   * The ceiling is the {@code -Xmx} this JVM was started with (the build gives the tests one, with
   * the parallel collector, whose {@code Runtime.maxMemory()} is less by the survivor spaces).
   */
  @Test
  void the_heap_s_ceiling_is_the_xmx_the_jvm_was_started_with() {
    String xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElseThrow().substring(4);
    long bytes = JavaUtils.byteStringAsBytes(xmx);
    assertThat(PeakMemory.maxHeapBytes()).isEqualTo(bytes).isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
  }

  /**
   * A live set of more than half the heap, released before the figure is read, is still counted
   * whole: the figure is the heap's pools added up before a collection, not what the heap holds
   * now. Being one moment's sum, it is never more than the heap. The collectors' notifications
   * come on a thread of their own: here they are held back, from the first full collection on,
   * until the figure is being read, and the figure still counts the live set (it waits for them).
   */
  @Test
  void the_peak_heap_counts_a_released_live_set_and_never_exceeds_the_heap() throws Exception {
    AtomicBoolean hold = new AtomicBoolean();
    CountDownLatch release = new CountDownLatch(1);
    NotificationListener holdBack = (notification, handback) -> {
      if (hold.get()) {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    // Registered before PeakMemory's listener, so called before it for every collection.
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(holdBack, null, null);
    }
    try {
      PeakMemory.watchHeap();
      long max = PeakMemory.maxHeapBytes();
      assertThat(max).isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
      long churned = 0;
      for (long i = 0; i < 3 * max / (64 << 10); i++) {
        churned += new byte[64 << 10].length;
      }
      int chunks = (int) (max * 55 / 100 >> 20);
      List<byte[]> live = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        live.add(new byte[1 << 20]);
      }
      hold.set(true);
      System.gc();
      assertThat(live).hasSize(chunks);
      assertThat(churned).isPositive();
      live = null;
      System.gc();

      AtomicReference<Thread> reader = new AtomicReference<>();
      CompletableFuture<Long> peak = CompletableFuture.supplyAsync(() -> {
        reader.set(Thread.currentThread());
        return PeakMemory.peakHeapBytes();
      });
      // The reader either returned at once (not waiting for the held notifications) or waits.
      while (!peak.isDone() && (reader.get() == null || reader.get().getState() != Thread.State.TIMED_WAITING)) {
        Thread.onSpinWait();
      }
      release.countDown();
      assertThat(peak.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo((long) chunks << 20).isLessThanOrEqualTo(max);
    } finally {
      release.countDown();
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) collector).removeNotificationListener(holdBack);
      }
    }
  }
}
