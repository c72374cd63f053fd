package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
  final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T01:00:00Z"));

  @Test
  void ids_and_tokens_are_32_random_bytes_and_never_repeat() {
    Sessions sessions = Sessions.of(clock, Duration.ofMinutes(30));
    Sessions.Session a = sessions.open("a");
    Sessions.Session b = sessions.open("a");
    assertThat(a.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
    assertThat(a.csrf()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.csrf());
  }

  @Test
  void when_full_the_oldest_session_goes() {
    Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);
    Sessions.Session first = sessions.open("a");
    clock.advance(Duration.ofSeconds(1));
    Sessions.Session second = sessions.open("b");
    clock.advance(Duration.ofSeconds(1));
    sessions.open("c");
    clock.advance(Duration.ofSeconds(1));
    sessions.open("d");
    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.touch(first.id())).isEmpty();
    assertThat(sessions.touch(second.id())).isPresent();
  }

  @Test
  void an_expired_session_is_dropped_when_touched() {
    Sessions sessions = Sessions.of(clock, Duration.ofMinutes(30));
    Sessions.Session s = sessions.open("a");
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.touch(s.id())).isEmpty();
    assertThat(sessions.size()).isZero();
    assertThat(sessions.touch(null)).isEmpty();
  }

  @Test
  void end_all_ends_only_that_logins_sessions() {
    Sessions sessions = Sessions.of(clock, Duration.ofMinutes(30));
    Sessions.Session a1 = sessions.open("a");
    Sessions.Session a2 = sessions.open("a");
    Sessions.Session b = sessions.open("b");
    sessions.endAll("a");
    assertThat(sessions.touch(a1.id())).isEmpty();
    assertThat(sessions.touch(a2.id())).isEmpty();
    assertThat(sessions.touch(b.id())).isPresent();
  }

  @Test
  void timeouts_must_be_positive() {
    assertThatThrownBy(() -> Sessions.of(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessions: idle must be positive, not PT0S");
  }
}
