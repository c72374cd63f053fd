package vn.danvan.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of this process: what the OS saw (VmHWM) and the most its Java heap held at one
 * moment; and another process's resident memory.
 */
final class PeakMemory {
  private PeakMemory() {}

  static long peakRssBytes() {
    return status("self", "VmHWM:");
  }

  /** The resident memory of another process now (VmRSS), -1 when it cannot be read. */
  static long rssBytes(long pid) {
    return status(String.valueOf(pid), "VmRSS:");
  }

  /** A size field of {@code /proc/PID/status}, in bytes. */
  private static long status(String pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** The most the heap held at one moment since {@link #watchHeap}, in bytes (see there). */
  private static final AtomicLong PEAK_HEAP = new AtomicLong();
  /** Whether {@link #watchHeap} has run; set under its lock, read by {@link #peakHeapBytes} too. */
  private static volatile boolean watching;
  /** Collections the listener has been told of, guarded by {@link #DELIVERED}'s monitor. */
  private static final long[] DELIVERED = new long[1];
  /** The collectors' counts when {@link #watchHeap} began listening. */
  private static volatile long countedBefore;
  /** How long {@link #peakHeapBytes} waits for notifications still on their way. */
  private static final long DELIVERY_WAIT_MS = 10_000;

  /**
   * Follows the heap from now on: before each collection, the heap's pools added up at that one
   * moment (the heap is fullest just before it is collected). The pools' own peaks come from
   * different moments, so their sum could exceed the heap itself: a scale-20 load "peaked" at
   * 8,469 MiB of a 6,028 MiB heap.
   */
  static synchronized void watchHeap() {
    if (watching) {
      return;
    }
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    NotificationListener beforeGc = (notification, handback) -> {
      if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
      long used = gc.getMemoryUsageBeforeGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
          .mapToLong(e -> e.getValue().getUsed()).sum();
      PEAK_HEAP.accumulateAndGet(used, Math::max);
      synchronized (DELIVERED) {
        DELIVERED[0]++;
        DELIVERED.notifyAll();
      }
    };
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(beforeGc, null, null);
    }
    countedBefore = collections();
    watching = true;
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
  }

  /**
   * The most the heap held at one moment since {@link #watchHeap}: before the fullest collection,
   * or now if it holds more. The collectors' notifications arrive on a thread of their own, after
   * the collection: a full collection of a 3 GiB live set, just run, was still on its way behind
   * the young ones when the figure was read (a CI run saw 2,015 MiB of it). So this first waits,
   * at most {@link #DELIVERY_WAIT_MS}, until every collection counted so far has been delivered.
   */
  static long peakHeapBytes() {
    long due = collections() - countedBefore;
    long deadline = System.nanoTime() + DELIVERY_WAIT_MS * 1_000_000;
    synchronized (DELIVERED) {
      long left;
      while (watching && DELIVERED[0] < due && (left = deadline - System.nanoTime()) > 0) {
        try {
          DELIVERED.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return Math.max(PEAK_HEAP.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /**
   * The heap's ceiling ({@code -Xmx}, HotSpot's {@code MaxHeapSize}): {@link #peakHeapBytes}' upper
   * bound. Not {@code Runtime.maxMemory()}, which with the parallel collector (the launcher's)
   * leaves out the survivor spaces that a moment's pools count in: a scale-20 load's peak of
   * 5,397 MiB was printed "of 5,358 MiB" on a heap of 6,028.
   */
  static long maxHeapBytes() {
    try {
      return Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .getVMOption("MaxHeapSize").getValue());
    } catch (RuntimeException e) {
      return Runtime.getRuntime().maxMemory();
    }
  }
}
