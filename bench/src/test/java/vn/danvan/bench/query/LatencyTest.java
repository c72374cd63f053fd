package vn.danvan.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {
  private static final long MS = 1_000_000;

  @Test
  void twenty_runs_give_the_tenth_and_nineteenth_as_p50_and_p95() {
    // 1..20 ms: rank ceil(0.50 * 20) = 10, rank ceil(0.95 * 20) = 19
    long[] nanos = LongStream.rangeClosed(1, 20).map(i -> i * MS).toArray();

    Latency latency = Latency.ofNanos(nanos);

    assertThat(latency).isEqualTo(new Latency(20, 10.0, 19.0, 20.0));
  }

  @Test
  void percentiles_are_taken_from_sorted_samples_without_changing_the_input() {
    // sorted 1, 3, 5: p50 rank ceil(1.5) = 2 -> 3; p95 rank ceil(2.85) = 3 -> 5
    long[] nanos = {5 * MS, 1 * MS, 3 * MS};

    Latency latency = Latency.ofNanos(nanos);

    assertThat(latency).isEqualTo(new Latency(3, 3.0, 5.0, 5.0));
    assertThat(nanos).containsExactly(5 * MS, 1 * MS, 3 * MS);
  }

  @Test
  void a_hundred_runs_put_p95_on_the_ninety_fifth() {
    long[] nanos = LongStream.rangeClosed(1, 100).map(i -> i * MS / 10).toArray();

    Latency latency = Latency.ofNanos(nanos);

    assertThat(latency.p50Millis()).isEqualTo(5.0);
    assertThat(latency.p95Millis()).isEqualTo(9.5);
    assertThat(latency.maxMillis()).isEqualTo(10.0);
  }

  @Test
  void one_run_is_its_own_p50_p95_and_max() {
    assertThat(Latency.ofNanos(new long[] {7 * MS})).isEqualTo(new Latency(1, 7.0, 7.0, 7.0));
  }

  @Test
  void rejects_an_empty_sample_and_an_out_of_range_percentile() {
    assertThatThrownBy(() -> Latency.ofNanos(new long[0])).hasMessageContaining("no run times");
    assertThatThrownBy(() -> Latency.nearestRank(new long[] {1}, 0)).hasMessageContaining("1..100");
  }
}
