package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

  /**
   * A live set of more than half the heap, released before the figure is read, is still counted
   * whole: the figure is the heap's pools added up before a collection, not what the heap holds
   * now. Being one moment's sum, it is never more than the heap.
   */
  @Test
  void the_peak_heap_counts_a_released_live_set_and_never_exceeds_the_heap() {
    PeakMemory.watchHeap();
    long max = Runtime.getRuntime().maxMemory();
    long churned = 0;
    for (long i = 0; i < 3 * max / (64 << 10); i++) {
      churned += new byte[64 << 10].length;
    }
    int chunks = (int) (max * 55 / 100 >> 20);
    List<byte[]> live = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      live.add(new byte[1 << 20]);
    }
    System.gc();
    assertThat(live).hasSize(chunks);
    assertThat(churned).isPositive();
    live = null;
    System.gc();
    assertThat(PeakMemory.peakHeapBytes()).isGreaterThanOrEqualTo((long) chunks << 20).isLessThanOrEqualTo(max);
  }
}
