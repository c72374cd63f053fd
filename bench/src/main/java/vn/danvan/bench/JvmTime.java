package vn.danvan.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM spent, as of one moment: the CPU time of all its threads, the JIT's compiling
 * (its compiler threads' accumulated time) and the collectors' time. {@link #since} gives what a
 * span cost: on two cores, the JIT and the collectors take CPU the load's tasks then do not get,
 * and Spark's own metrics see neither.
 */
record JvmTime(double cpuSeconds, double jitSeconds, double gcSeconds) {

  static JvmTime now() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    return new JvmTime(os.getProcessCpuTime() / 1e9,
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3, gcMillis / 1e3);
  }

  /** What was spent from {@code start} to now. */
  static JvmTime since(JvmTime start) {
    JvmTime end = now();
    return new JvmTime(end.cpuSeconds - start.cpuSeconds, end.jitSeconds - start.jitSeconds,
        end.gcSeconds - start.gcSeconds);
  }
}
