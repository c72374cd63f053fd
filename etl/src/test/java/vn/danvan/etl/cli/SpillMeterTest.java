package vn.danvan.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

class SpillMeterTest {
  @Test
  void counts_the_bytes_sorts_spill_and_the_cached_blocks_on_disk() {
    SpillMeter.install();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("spill-meter-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        // every sort spills each 1,000 rows it holds, as it would when memory runs short
        .config("spark.shuffle.spill.numElementsForceSpillThreshold", "1000")
        .getOrCreate();
    try {
      SpillMeter.take();
      Dataset<Row> rows = spark.range(0, 20_000).selectExpr("id % 97 as k", "id as v");
      assertThat(rows.orderBy("k", "v").collectAsList()).hasSize(20_000);
      Dataset<Row> cached = rows.persist(StorageLevel.DISK_ONLY());
      assertThat(cached.count()).isEqualTo(20_000);
      int partitions = cached.rdd().getNumPartitions();
      spark.stop(); // delivers every event to the listeners
      SpillMeter.Spill spill = SpillMeter.take();
      assertThat(spill.sortBytes()).isPositive();
      assertThat(spill.cachedBlocks()).isEqualTo(partitions);
      assertThat(spill.cachedBytes()).isPositive();
      assertThat(spill.none()).isFalse();
      assertThat(SpillMeter.take().none()).as("taking starts counting anew").isTrue();
    } finally {
      spark.stop();
      System.clearProperty("spark.extraListeners");
    }
  }
}
