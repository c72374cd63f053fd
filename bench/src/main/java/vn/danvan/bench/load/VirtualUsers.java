package vn.danvan.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code users} threads, each a user who sends one read, waits for the whole answer and sends the
 * next (no think time: the server's worst case for this many users). A phase either replays a
 * list once, shared among the users (the cold pass), or draws reads at random for a time (warm).
 */
final class VirtualUsers {
  /** One user's way of making a read: throws when the answer is not a success. */
  @FunctionalInterface
  interface Caller {
    void call(int user, Read read) throws Exception;
  }

  private static final int ERRORS_KEPT = 5;

  private final int users;
  private final Caller caller;

  VirtualUsers(int users, Caller caller) {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1, not " + users);
    }
    this.users = users;
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /** Every read of {@code reads} once, the users taking the next one free; stops at {@code maxSeconds}. */
  PhaseResult once(String name, List<Read> reads, double maxSeconds) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    return run(name, maxSeconds, (user, random) -> {
      int i = next.getAndIncrement();
      return i < reads.size() ? reads.get(i) : null;
    });
  }

  /** Reads drawn from {@code reads} (seeded per user) for {@code seconds}. */
  PhaseResult forSeconds(String name, List<Read> reads, double seconds) throws InterruptedException {
    return run(name, seconds, (user, random) -> reads.get(random.nextInt(reads.size())));
  }

  private interface Next {
    Read pick(int user, Random random);
  }

  private PhaseResult run(String name, double seconds, Next next) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<List<long[]>> perUser = new ArrayList<>();
    List<Map<String, List<Long>>> kindsPerUser = new ArrayList<>();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errorCount = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    long t0 = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      List<long[]> times = new ArrayList<>();
      Map<String, List<Long>> kinds = new TreeMap<>();
      perUser.add(times);
      kindsPerUser.add(kinds);
      Random random = new Random(16_000L + user);
      running.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          Read read = next.pick(user, random);
          if (read == null) {
            return;
          }
          long start = System.nanoTime();
          try {
            caller.call(user, read);
            long took = System.nanoTime() - start;
            times.add(new long[] {took});
            kinds.computeIfAbsent(read.kind(), k -> new ArrayList<>()).add(took);
          } catch (Exception e) {
            errorCount.incrementAndGet();
            if (errors.size() < ERRORS_KEPT) {
              errors.add(read.kind() + " " + read.path() + ": " + e.getMessage());
            }
          }
        }
      }));
    }
    pool.shutdown();
    if (!pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    long[] nanos = perUser.stream().flatMap(List::stream).mapToLong(a -> a[0]).toArray();
    Map<String, long[]> byKind = new TreeMap<>();
    Map<String, List<Long>> merged = new TreeMap<>();
    kindsPerUser.forEach(m -> m.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
    merged.forEach((k, v) -> byKind.put(k, v.stream().mapToLong(Long::longValue).toArray()));
    return new PhaseResult(name, users, wall, nanos.length + errorCount.get(), errorCount.get(), List.copyOf(errors),
        nanos, byKind);
  }
}
