package vn.danvan.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.danvan.bench.query.SideBySide.KindResult;
import vn.danvan.bench.query.SideBySide.Side;

class SideBySideTest {
  private static final long MS = 1_000_000;
  private final AtomicLong clock = new AtomicLong();
  private final List<String> calls = new ArrayList<>();

  /** A side that takes {@code millis} per run on the fake clock and answers {@code answer}. */
  private Side side(String name, long millis, Answer answer) {
    return new Side(name, i -> {
      calls.add(name + i);
      clock.addAndGet(millis * MS);
      return answer;
    });
  }

  @Test
  void times_each_engine_on_the_same_runs_after_the_warm_up() {
    SideBySide race = new SideBySide(clock::get);

    KindResult result = race.run(QueryKind.SERIES, List.of(side("duck", 2, new Answer(3, 6.0)),
        side("pg", 5, new Answer(3, 6.0))), 2, 4);

    assertThat(result.outcome("duck").latency()).isEqualTo(new Latency(4, 2.0, 2.0, 2.0));
    assertThat(result.outcome("pg").latency()).isEqualTo(new Latency(4, 5.0, 5.0, 5.0));
    assertThat(result.answersAgree()).isTrue();
    // warm-up 0..1 per engine, then timed runs 2..5 interleaved, each run starting with the next engine
    assertThat(calls).containsExactly("duck0", "duck1", "pg0", "pg1",
        "duck2", "pg2", "pg3", "duck3", "duck4", "pg4", "pg5", "duck5");
  }

  @Test
  void an_engine_that_fails_is_reported_and_the_others_still_measured() {
    SideBySide race = new SideBySide(clock::get);
    Side missing = new Side("http", i -> {
      throw new java.io.IOException("GET /api/map answered 404");
    });

    KindResult result = race.run(QueryKind.MAP, List.of(missing, side("pg", 1, null)), 1, 3);

    assertThat(result.outcome("http").measured()).isFalse();
    assertThat(result.outcome("http").error()).contains("404");
    assertThat(result.outcome("pg").latency().runs()).isEqualTo(3);
  }

  @Test
  void different_answers_are_flagged() {
    SideBySide race = new SideBySide(clock::get);

    KindResult result = race.run(QueryKind.SCAN, List.of(side("duck", 1, new Answer(10, 55.0)),
        side("pg", 1, new Answer(10, 56.0))), 1, 1);

    assertThat(result.answersAgree()).isFalse();
  }

  @Test
  void sums_that_differ_only_in_the_last_bits_agree() {
    assertThat(new Answer(2, 0.1 + 0.2).agreesWith(new Answer(2, 0.3))).isTrue();
    assertThat(new Answer(2, 0.3).agreesWith(new Answer(3, 0.3))).isFalse();
  }
}
