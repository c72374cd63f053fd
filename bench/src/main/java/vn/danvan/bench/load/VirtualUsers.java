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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads, each a user who sends one read, waits for the whole answer and sends the next (no think
 * time: the server's worst case for this many users). Each user belongs to a scope and reads only
 * its scope's mix. A phase either replays each scope's mix once, shared among that scope's users
 * (the cold pass), or has each user draw from its scope's mix at random for a time (warm).
 */
final class VirtualUsers {
  /** The one scope of users who need none (PostgreSQL's). */
  static final String ALL = "all";

  /** One user's way of making a read: throws when the answer is not a success. */
  @FunctionalInterface
  interface Caller {
    void call(int user, Read read) throws Exception;
  }

  private static final int ERRORS_KEPT = 5;

  private final int users;
  private final List<String> scopes;
  private final Caller caller;

  /** @param scopes each user's scope, user 0 first */
  VirtualUsers(List<String> scopes, Caller caller) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("users must be at least 1, not 0");
    }
    this.scopes = List.copyOf(scopes);
    this.users = this.scopes.size();
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /** {@code users} users of one scope, {@link #ALL}. */
  VirtualUsers(int users, Caller caller) {
    this(Collections.nCopies(Math.max(users, 0), ALL), caller);
  }

  /** The same for users of the one scope {@link #ALL}. */
  PhaseResult once(String name, List<Read> reads, double maxSeconds) throws InterruptedException {
    return once(name, Map.of(ALL, reads), maxSeconds);
  }

  /**
   * Every read of each scope's mix once, that scope's users taking the next one free; stops at
   * {@code maxSeconds}.
   */
  PhaseResult once(String name, Map<String, List<Read>> mixes, double maxSeconds) throws InterruptedException {
    checkMixes(mixes);
    Map<String, AtomicInteger> next = new TreeMap<>();
    mixes.keySet().forEach(scope -> next.put(scope, new AtomicInteger()));
    return run(name, maxSeconds, (user, random) -> {
      List<Read> reads = mixes.get(scopes.get(user));
      int i = next.get(scopes.get(user)).getAndIncrement();
      return i < reads.size() ? reads.get(i) : null;
    });
  }

  /** The same for users of the one scope {@link #ALL}. */
  PhaseResult forSeconds(String name, List<Read> reads, double seconds) throws InterruptedException {
    return forSeconds(name, Map.of(ALL, reads), seconds);
  }

  /** Reads drawn from each user's scope's mix (seeded per user) for {@code seconds}. */
  PhaseResult forSeconds(String name, Map<String, List<Read>> mixes, double seconds) throws InterruptedException {
    checkMixes(mixes);
    return run(name, seconds, (user, random) -> {
      List<Read> reads = mixes.get(scopes.get(user));
      return reads.get(random.nextInt(reads.size()));
    });
  }

  private void checkMixes(Map<String, List<Read>> mixes) {
    for (String scope : scopes) {
      if (mixes.getOrDefault(scope, List.of()).isEmpty()) {
        throw new IllegalArgumentException("no read for the users of scope " + scope + " (mixes of " + mixes.keySet()
            + ")");
      }
    }
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
    Map<String, AtomicLong> requestsByScope = new TreeMap<>();
    Map<String, AtomicLong> errorsByScope = new TreeMap<>();
    scopes.forEach(s -> {
      requestsByScope.put(s, new AtomicLong());
      errorsByScope.put(s, new AtomicLong());
    });
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
          requestsByScope.get(scopes.get(user)).incrementAndGet();
          try {
            caller.call(user, read);
            long took = System.nanoTime() - start;
            times.add(new long[] {took});
            kinds.computeIfAbsent(read.kind(), k -> new ArrayList<>()).add(took);
          } catch (Exception e) {
            errorCount.incrementAndGet();
            errorsByScope.get(scopes.get(user)).incrementAndGet();
            if (errors.size() < ERRORS_KEPT) {
              errors.add(read.kind() + " " + read.path() + " (user " + user + ", scope " + scopes.get(user) + "): "
                  + e.getMessage());
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
    Map<String, PhaseResult.Tally> byScope = new TreeMap<>();
    requestsByScope.forEach((scope, n) -> byScope.put(scope, new PhaseResult.Tally(
        Collections.frequency(scopes, scope), n.get(), errorsByScope.get(scope).get())));
    return new PhaseResult(name, users, wall, nanos.length + errorCount.get(), errorCount.get(), List.copyOf(errors),
        nanos, byKind, byScope);
  }
}
