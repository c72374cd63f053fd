package vn.danvan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: what the OS saw (VmHWM) and what the Java heap pools peaked at;
 * and another process's resident memory.
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

  static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }
}
