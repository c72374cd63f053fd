package vn.danvan.bench.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Times several engines on the same query kind: first one run each whose answers must agree, then
 * the warm-up runs, then the timed runs interleaved (run {@code r} starts with engine
 * {@code r mod n}), so that a slow moment of the machine falls on every engine alike.
 *
 * <p>The clock is injected so that tests need not sleep.
 */
final class SideBySide {
  /** An engine and its way of answering run {@code i}. */
  record Side(String name, TimedQuery query) {
    Side {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(query, "query");
    }
  }

  /** One engine's result: its latencies, or why it could not be measured. */
  record Outcome(String side, Latency latency, String error) {
    boolean measured() {
      return latency != null;
    }
  }

  /** All engines' results for one kind, and whether those that return answers agreed. */
  record KindResult(QueryKind kind, List<Outcome> outcomes, Map<String, Answer> answers, boolean answersAgree) {
    KindResult {
      outcomes = List.copyOf(outcomes);
      answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    Outcome outcome(String side) {
      return outcomes.stream().filter(o -> o.side().equals(side)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no side " + side + " in " + kind));
    }
  }

  private final LongSupplier nanoClock;

  SideBySide(LongSupplier nanoClock) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  static SideBySide withSystemClock() {
    return new SideBySide(System::nanoTime);
  }

  KindResult run(QueryKind kind, List<Side> sides, int warmup, int runs) {
    if (warmup < 1 || runs < 1) {
      throw new IllegalArgumentException("need at least 1 warm-up and 1 timed run, not " + warmup + " and " + runs);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Side side : sides) {
      try {
        Answer a = side.query().run(0);
        if (a != null) {
          answers.put(side.name(), a);
        }
        for (int i = 1; i < warmup; i++) {
          side.query().run(i);
        }
      } catch (Exception e) {
        errors.put(side.name(), message(e));
      }
    }
    boolean agree = answers.values().stream().allMatch(a -> a.agreesWith(answers.values().iterator().next()));
    List<Side> live = sides.stream().filter(s -> !errors.containsKey(s.name())).toList();
    Map<String, long[]> nanos = new LinkedHashMap<>();
    live.forEach(s -> nanos.put(s.name(), new long[runs]));
    for (int r = 0; r < runs; r++) {
      for (int k = 0; k < live.size(); k++) {
        Side side = live.get((r + k) % live.size());
        if (errors.containsKey(side.name())) {
          continue;
        }
        long t0 = nanoClock.getAsLong();
        try {
          side.query().run(warmup + r);
        } catch (Exception e) {
          errors.put(side.name(), "timed run " + r + ": " + message(e));
          continue;
        }
        nanos.get(side.name())[r] = nanoClock.getAsLong() - t0;
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Side side : sides) {
      String error = errors.get(side.name());
      outcomes.add(error != null ? new Outcome(side.name(), null, error)
          : new Outcome(side.name(), Latency.ofNanos(nanos.get(side.name())), null));
    }
    return new KindResult(kind, outcomes, answers, agree);
  }

  private static String message(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
