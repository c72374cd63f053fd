package vn.danvan.etl.load;

import org.apache.spark.sql.SparkSession;

/** The one session a test class uses: local[2], no UI, 2 shuffle partitions, Vietnam time. */
public final class TestSpark {
  private TestSpark() {}

  public static SparkSession start(String name) {
    return SparkSession.builder().master("local[2]").appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh")
        .getOrCreate();
  }
}
