package vn.danvan.dashboard.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsers' sign-ins, held in memory (a restart signs everyone out, which is acceptable for a
 * dashboard and keeps session ids out of every file). A session ends after {@code idle} without a
 * request, after {@code lifetime} whatever happens, at logout, or when the store is full and it is
 * the oldest. Time is read from the injected clock only, so tests move it instead of sleeping.
 */
public final class Sessions {
  /** The default idle timeout: {@code serve --session-idle} changes it. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  /** The default absolute lifetime of a session: one working day. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
  /** The default bound on sessions held at once. */
  public static final int DEFAULT_MAX = 10_000;

  private static final Base64.Encoder ID = Base64.getUrlEncoder().withoutPadding();

  /**
   * One sign-in.
   *
   * @param id the cookie's value: 32 random bytes, base64url
   * @param login the account signed in
   * @param csrf the token state-changing requests of this session must echo in {@code X-CSRF-Token}
   * @param created when the password was checked (the absolute lifetime counts from here)
   * @param lastSeen the last request made with it
   */
  public record Session(String id, String login, String csrf, Instant created, Instant lastSeen) {
    public Session {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(csrf, "csrf");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(lastSeen, "lastSeen");
    }
  }

  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;
  private final int max;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  public Sessions(Clock clock, Duration idle, Duration lifetime, int max) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idle = positive(idle, "idle");
    this.lifetime = positive(lifetime, "lifetime");
    if (max < 1) {
      throw new IllegalArgumentException("sessions: max must be at least 1, not " + max);
    }
    this.max = max;
  }

  /** A store with the defaults and {@code idle}. */
  public static Sessions of(Clock clock, Duration idle) {
    return new Sessions(clock, idle, DEFAULT_LIFETIME, DEFAULT_MAX);
  }

  /** Starts a session for {@code login} with a fresh id and CSRF token; the oldest go when full. */
  public Session open(String login) {
    Objects.requireNonNull(login, "login");
    Instant now = clock.instant();
    byId.values().removeIf(s -> expired(s, now));
    while (byId.size() >= max) {
      byId.values().stream().min(Comparator.comparing(Session::created))
          .ifPresent(oldest -> byId.remove(oldest.id()));
    }
    Session session = new Session(randomToken(), login, randomToken(), now, now);
    byId.put(session.id(), session);
    return session;
  }

  /**
   * The live session of this id, its idle timer restarted; empty when unknown, ended or expired
   * (an expired one is dropped).
   */
  public Optional<Session> touch(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session found = byId.get(id);
    if (found == null) {
      return Optional.empty();
    }
    if (expired(found, now)) {
      byId.remove(id, found);
      return Optional.empty();
    }
    Session seen = new Session(found.id(), found.login(), found.csrf(), found.created(), now);
    // a concurrent logout wins: only a session still held is renewed
    return byId.replace(id, found, seen) ? Optional.of(seen) : Optional.ofNullable(byId.get(id));
  }

  /** Ends the session of this id, if any. */
  public void end(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Ends every session of {@code login} (after a password change, elsewhere too). */
  public void endAll(String login) {
    byId.values().removeIf(s -> s.login().equals(login));
  }

  /** Sessions held, expired ones not yet dropped included. */
  public int size() {
    return byId.size();
  }

  /** How long a session lives at most: the cookie's {@code Max-Age}. */
  public Duration lifetime() {
    return lifetime;
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(lifetime));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return ID.encodeToString(bytes);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("sessions: " + name + " must be positive, not " + d);
    }
    return d;
  }
}
