package vn.danvan.etl.load;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingProbeTest {
  @Test
  void probe(@TempDir Path tmp) {
    SparkSession spark = TestSpark.start("probe");
    spark.sparkContext().setLogLevel("WARN");
    Path a = new TestLanding(tmp.resolve("a"))
        .csv("report_values", "a.csv", IncrementalLoadTest.HEADER,
            "R1,01,2024-01-01,2024-06-30,police,gifts,,10,",
            "R2,79,2024-01-01,2024-06-30,police,gifts,,20,")
        .jsonl("posts", "posts.jsonl", LoadJobTest.post("P1", "2025-01-01T08:00:00+07:00"))
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views",
            "P1,2025-01-02T08:00:00+07:00,10,5,100,")
        .root();
    long[] t0 = {System.nanoTime()};
    for (int i = 0; i < 3; i++) {
      long s = System.nanoTime();
      LoadJob.run(spark, LoadConfig.of(a, tmp.resolve("lake"), LocalDate.of(2025, 9, 30)), m -> {
        long now = System.nanoTime();
        System.out.printf("PROBE %6d ms %s%n", (now - t0[0]) / 1_000_000, m);
        t0[0] = now;
      });
      System.out.printf("PROBE total %d ms%n", (System.nanoTime() - s) / 1_000_000);
    }
    spark.stop();
  }
}
