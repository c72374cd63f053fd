package vn.danvan.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Audit#record} promises: a line acknowledged is in the file even when the process is
 * killed with SIGKILL right after, and lines never interleave. The kill may tear the one line being
 * written, never acknowledged: Linux ends a write that a SIGKILL interrupts at a page boundary (seen
 * here about once in 60 kills); it then stands alone on its line and the reader says it skipped it.
 */
class AuditKillTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void every_acknowledged_line_survives_kill_9_and_every_line_parses() throws Exception {
    Process child = appender("child");
    long lastAck;
    try {
      lastAck = readAcksThenKill(child, 2_000);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertOnlyTornByTheKills(skipped, 1);
    assertThat(AuditTrail.in(dir).files()).hasSizeGreaterThan(1);
    assertAcknowledgedPresent(events, "child", lastAck);
    assertThat(events).extracting(AuditEvent::rows).isSorted().doesNotHaveDuplicates();
  }

  /** A command appending while the server runs: two processes, one trail, rotating under each other. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void two_processes_appending_at_once_never_interleave_or_lose_an_acknowledged_line() throws Exception {
    Process a = appender("server");
    Process b = appender("cli");
    long lastA;
    long lastB;
    try {
      lastA = readAcksThenKill(a, 1_500);
      lastB = readAcksThenKill(b, 1_500);
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertOnlyTornByTheKills(skipped, 2);
    assertThat(AuditTrail.in(dir).files()).hasSizeGreaterThan(2);
    assertAcknowledgedPresent(events, "server", lastA);
    assertAcknowledgedPresent(events, "cli", lastB);
    for (String login : List.of("server", "cli")) {
      assertThat(events.stream().filter(e -> e.login().equals(login)).map(AuditEvent::rows).toList())
          .as(login).isSorted().doesNotHaveDuplicates();
    }
    for (Path file : AuditTrail.in(dir).files()) {
      assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(ROTATE_AT);
    }
  }

  private static final long ROTATE_AT = 256 << 10; // rotating too, every ~1,500 lines

  private Process appender(String login) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AuditAppender.class.getName(), dir.toString(),
        String.valueOf(ROTATE_AT), login)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Reads the child's acks until {@code until}, kills it with SIGKILL and returns the last ack read. */
  private static long readAcksThenKill(Process child, long until) throws Exception {
    long lastAck = -1;
    BufferedReader acks = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = acks.readLine(); line != null; line = acks.readLine()) {
      assertThat(line).startsWith("ack ");
      lastAck = Long.parseLong(line.substring(4));
      if (lastAck >= until) {
        child.destroyForcibly(); // SIGKILL while it keeps appending
        break;
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
    assertThat(lastAck).as("acks read before the kill").isGreaterThanOrEqualTo(until);
    return lastAck;
  }

  /**
   * Every line the reader skipped is one a kill tore: at most one a kill, each the start of a line
   * (an interleaving would leave a line that starts whole but runs on into another), cut at a page
   * boundary of its file and standing alone on its line.
   */
  private void assertOnlyTornByTheKills(List<String> skipped, int kills) throws Exception {
    List<String> torn = new ArrayList<>();
    for (Path file : AuditTrail.in(dir).files()) {
      byte[] bytes = Files.readAllBytes(file);
      int start = 0;
      while (start < bytes.length) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (!line.isEmpty() && !parses(line)) {
          assertThat(line).as("a torn line in %s at %d", file.getFileName(), start).startsWith("{\"time\":\"");
          assertThat(end % 4096).as("where %s's torn line %s ends", file.getFileName(), line).isZero();
          torn.add(line);
        }
        start = end + 1;
      }
    }
    assertThat(torn).as("torn lines").hasSizeLessThanOrEqualTo(kills);
    assertThat(skipped).as("lines the reader skipped").hasSameSizeAs(torn);
  }

  private static boolean parses(String line) {
    try {
      AuditLines.parse(line);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void assertAcknowledgedPresent(List<AuditEvent> events, String login, long lastAck) {
    Set<Long> written = new HashSet<>();
    events.stream().filter(e -> login.equals(e.login())).forEach(e -> written.add(e.rows()));
    for (long n = 0; n <= lastAck; n++) {
      assertThat(written).as("%s: acknowledged line %d", login, n).contains(n);
    }
  }
}
