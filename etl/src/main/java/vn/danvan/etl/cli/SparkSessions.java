package vn.danvan.etl.cli;

import org.apache.spark.sql.SparkSession;

/** Session settings the commands (and the benchmarks) share when Spark runs on this machine. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * HotSpot never compiles a method of more than 8,000 bytes of bytecode, and Spark's generated
   * code for a wide table's parsing and checks is one such method: without this flag the first
   * stage of a table ran interpreted (a fifth of loading activities). {@code bin/danvan} and the
   * tests start their JVMs with it; a cluster's executors get it from {@code
   * spark.executor.defaultJavaOptions} ({@code LoadCommand}).
   */
  public static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

  /**
   * The throughput collector {@code bin/danvan} starts Spark's JVMs with: on two cores, G1's
   * concurrent work and write barriers took 13-25 % of a load's time (README, "Garbage collector").
   */
  public static final String THROUGHPUT_GC = "-XX:+UseParallelGC";

  /** The settings of a session on this machine's cores: no UI, few shuffle partitions. */
  public static SparkSession.Builder local(SparkSession.Builder builder) {
    int cores = Runtime.getRuntime().availableProcessors();
    return builder.config("spark.ui.enabled", "false")
        // input split in about 4 tasks per core, so the last tasks of a scan do not run alone
        .config("spark.sql.files.minPartitionNum", String.valueOf(4 * cores))
        .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, 2 * cores)))
        // the executor is this process: a task that runs out of memory fails its job (and the
        // command says so in one line, exit 5) instead of Spark's handler ending the JVM (exit 52)
        .config("spark.executor.killOnFatalError.depth", "0")
        // with few shuffle partitions on few cores, re-planning at run time buys nothing: a full
        // scale-1 load takes the same time without it (162.0 s beside 163.5 s), and a month's
        // incremental load at scale 20 is 3-5 s quicker (63.5 and 64.2 s beside 69.2 and 66.6 s)
        .config("spark.sql.adaptive.enabled", "false");
  }
}
