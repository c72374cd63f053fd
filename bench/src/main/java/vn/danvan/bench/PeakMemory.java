package vn.danvan.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
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
  /** Whether {@link #watchHeap} has run; read and set under its lock. */
  private static boolean watching;

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
    };
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(beforeGc, null, null);
    }
    watching = true;
  }

  /**
   * The most the heap held at one moment since {@link #watchHeap}: before the fullest collection,
   * or now if it holds more.
   */
  static long peakHeapBytes() {
    return Math.max(PEAK_HEAP.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }
}
