package vn.danvan.etl.cli;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.BlockUpdatedInfo;

/**
 * What the loads run in this JVM wrote to disk that they meant to keep in memory, from Spark's own
 * metrics: the bytes tasks' sorts and aggregations spilled, and the cached blocks (a load caches
 * each table's checked rows) that did not fit in memory and went to disk, Spark's "Not enough space
 * to cache … in memory". {@link #install} registers it with every Spark context started after
 * (bench etl uses it).
 */
public final class SpillMeter extends SparkListener {
  private static final AtomicLong SPILLED = new AtomicLong();
  private static final AtomicLong CACHED_ON_DISK = new AtomicLong();
  private static final Set<String> BLOCKS_ON_DISK = ConcurrentHashMap.newKeySet();

  /** What was spilled since the last {@link #take}: bytes of sorts and aggregations, cached blocks on disk. */
  public record Spill(long sortBytes, int cachedBlocks, long cachedBytes) {
    public boolean none() {
      return sortBytes == 0 && cachedBlocks == 0;
    }
  }

  /** Spark instantiates it by its name ({@code spark.extraListeners}). */
  public SpillMeter() {}

  /** Registers the meter with the Spark contexts this JVM starts from now on. */
  public static void install() {
    System.setProperty("spark.extraListeners", SpillMeter.class.getName());
  }

  /** What was spilled since the last call, and starts counting anew. */
  public static Spill take() {
    Spill s = new Spill(SPILLED.getAndSet(0), BLOCKS_ON_DISK.size(), CACHED_ON_DISK.getAndSet(0));
    BLOCKS_ON_DISK.clear();
    return s;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    if (m != null) {
      SPILLED.addAndGet(m.diskBytesSpilled());
    }
  }

  @Override
  public void onBlockUpdated(SparkListenerBlockUpdated update) {
    BlockUpdatedInfo info = update.blockUpdatedInfo();
    if (info.blockId().isRDD() && info.diskSize() > 0 && BLOCKS_ON_DISK.add(info.blockId().name())) {
      CACHED_ON_DISK.addAndGet(info.diskSize());
    }
  }
}
