package vn.danvan.dashboard.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing down: after a threshold of failed logins, for one typed login or from one
 * client address, further attempts are refused unchecked for a lockout of one minute that doubles
 * with each further failure, up to {@link #WINDOW}. A count is forgotten after a quiet
 * {@link #WINDOW} (no failure, no lockout running), so after the longest lockout a guesser gets one
 * try per lockout, not a fresh series. The login is counted whether an account of that name exists
 * or not, so the answers do not tell. Held in memory and bounded (the least recently used counters
 * are forgotten first).
 */
public final class LoginThrottle {
  /** Failures that start a lockout, per typed login. */
  public static final int LOGIN_THRESHOLD = 5;
  /**
   * Failures that start a lockout, per address: higher than per login, as an office's users may
   * reach the server from one address (a NAT) and should not lock each other out by a few typos.
   */
  public static final int ADDRESS_THRESHOLD = 20;
  /** The quiet time after which a count is forgotten, and the longest lockout. */
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
  private static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Counters logins;
  private final Counters addresses;

  public LoginThrottle(Clock clock) {
    this(clock, LOGIN_THRESHOLD, ADDRESS_THRESHOLD);
  }

  LoginThrottle(Clock clock, int loginThreshold, int addressThreshold) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logins = new Counters(loginThreshold);
    this.addresses = new Counters(addressThreshold);
  }

  /** How long {@code login} from {@code address} must still wait; empty when it may try now. */
  public Optional<Duration> wait(String login, String address) {
    Instant now = clock.instant();
    Duration a = logins.wait(key(login), now);
    Duration b = addresses.wait(address, now);
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Counts a failed attempt against the typed login and the address. */
  public void failed(String login, String address) {
    Instant now = clock.instant();
    logins.failed(key(login), now);
    addresses.failed(address, now);
  }

  /** A correct password clears the login's count (not the address's: guesses at others still count). */
  public void succeeded(String login) {
    logins.clear(key(login));
  }

  private static String key(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }

  /** Failures and lockouts of one kind of key; synchronized, as logins are rare and cheap to count. */
  private static final class Counters {
    private final int threshold;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > MAX_KEYS;
      }
    };

    Counters(int threshold) {
      this.threshold = threshold;
    }

    synchronized Duration wait(String key, Instant now) {
      Entry e = entries.get(key);
      if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
        return Duration.ZERO;
      }
      return Duration.between(now, e.lockedUntil);
    }

    synchronized void failed(String key, Instant now) {
      Entry e = entries.computeIfAbsent(key, k -> new Entry());
      Instant quietSince = e.lockedUntil != null && e.lockedUntil.isAfter(e.last) ? e.lockedUntil : e.last;
      if (quietSince != null && !quietSince.plus(WINDOW).isAfter(now)) {
        e.failures = 0;
      }
      e.failures = Math.min(e.failures + 1, threshold + 8);
      e.last = now;
      int over = e.failures - threshold;
      if (over >= 0) {
        // 1, 2, 4, 8 minutes, then the window
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << Math.min(over, 4));
        e.lockedUntil = now.plus(lockout.compareTo(WINDOW) > 0 ? WINDOW : lockout);
      }
    }

    synchronized void clear(String key) {
      entries.remove(key);
    }
  }

  private static final class Entry {
    int failures;
    Instant last;
    Instant lockedUntil;
  }
}
