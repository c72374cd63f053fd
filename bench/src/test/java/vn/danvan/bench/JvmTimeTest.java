package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmTimeTest {

  /** Hot code no earlier test ran, for the JIT to compile. */
  private static long mix(long x, int i) {
    long h = x ^ (i * 0x9E3779B97F4A7C15L);
    return (h << 13 | h >>> 51) + i % 7;
  }

  /**
   * A span that burnt 0.4 s of one thread's CPU in fresh code and collected a 256-MiB live set
   * counts at least that CPU (in seconds, no more than the cores could give in its wall time),
   * some compiling and some collecting, neither more than the span lasted.
   */
  @Test
  void a_span_counts_its_cpu_its_compiling_and_its_collecting_in_seconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall0 = System.nanoTime();
    JvmTime start = JvmTime.now();
    long own0 = threads.getCurrentThreadCpuTime();
    long x = 1;
    while (threads.getCurrentThreadCpuTime() - own0 < 400_000_000L) {
      for (int i = 0; i < 10_000; i++) {
        x = mix(x, i);
      }
    }
    List<byte[]> live = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      live.add(new byte[1 << 20]);
    }
    System.gc();
    JvmTime spent = JvmTime.since(start);
    double wall = (System.nanoTime() - wall0) / 1e9;

    assertThat(live).hasSize(256);
    assertThat(x).isNotZero();
    assertThat(spent.cpuSeconds()).isGreaterThanOrEqualTo(0.4)
        .isLessThanOrEqualTo(wall * Runtime.getRuntime().availableProcessors() + 0.1);
    assertThat(spent.jitSeconds()).isPositive().isLessThan(wall * 8);
    assertThat(spent.gcSeconds()).isPositive().isLessThanOrEqualTo(wall);
  }
}
