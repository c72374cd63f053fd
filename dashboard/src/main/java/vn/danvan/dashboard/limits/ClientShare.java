package vn.danvan.dashboard.limits;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * At most a share of the warehouse's connections per client: one client's burst of slow reads
 * (four abusive series at once took all four connections, and every other user's map waited 10 s
 * for a 503) leaves the rest of the pool to everyone else. A client past its share waits briefly
 * for one of its own reads to end, then gets {@code 429} with {@code Retry-After}.
 *
 * <p>Who is "one client" is a function of the request: the caller's login once logins exist, else
 * the client's address. Behind a reverse proxy every client has the proxy's address, so the key
 * must then come from the login (or a header the proxy sets and nobody else can).
 */
public final class ClientShare {
  /** Seconds a refused client is told to wait. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final int perClient;
  private final Duration wait;
  private final Function<Context, String> clientKey;
  private final ConcurrentMap<String, Semaphore> inUse = new ConcurrentHashMap<>();

  /**
   * @param perClient reads one client may have in flight at once
   * @param wait how long a read past the share waits for one of the client's reads to end
   * @param clientKey who sent a request
   */
  public ClientShare(int perClient, Duration wait, Function<Context, String> clientKey) {
    if (perClient < 1) {
      throw new IllegalArgumentException("perClient must be at least 1, not " + perClient);
    }
    this.perClient = perClient;
    this.wait = Objects.requireNonNull(wait, "wait");
    this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
  }

  /** Half the pool, at least 1: two clients can still read beside one that takes its whole share. */
  public static int halfOf(int poolSize) {
    return Math.max(1, poolSize / 2);
  }

  /** The client's address: the key until logins exist. */
  public static String address(Context ctx) {
    return ctx.ip();
  }

  /** The value of request header {@code name} (set by a trusted proxy), else the address. */
  public static Function<Context, String> headerOrAddress(String name) {
    Objects.requireNonNull(name, "name");
    return ctx -> {
      String value = ctx.header(name);
      return value == null || value.isBlank() ? ctx.ip() : name + ":" + value.strip();
    };
  }

  public int perClient() {
    return perClient;
  }

  /** {@code inner}, run only while its client holds fewer than its share. */
  public Handler guard(Handler inner) {
    Objects.requireNonNull(inner, "inner");
    return ctx -> {
      String key = Objects.requireNonNull(clientKey.apply(ctx), "client key");
      Semaphore share = inUse.computeIfAbsent(key, k -> new Semaphore(perClient));
      if (!share.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many requests at once: "
            + perClient + " of this client's reads were still running after " + wait.toMillis()
            + " ms; at most " + perClient + " run at once per client");
      }
      try {
        inner.handle(ctx);
      } finally {
        share.release();
        // forget idle clients, so the map does not grow with every address ever seen; a request
        // that fetched the semaphore just before may run beside a new one, once
        inUse.computeIfPresent(key, (k, s) -> s.availablePermits() == perClient && !s.hasQueuedThreads() ? null : s);
      }
    };
  }

  /** Clients with a read in flight (for tests). */
  int clientsInFlight() {
    return inUse.size();
  }
}
