package vn.danvan.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * killed with SIGKILL right after, and no line is left half written by the kill.
 */
class AuditKillTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void every_acknowledged_line_survives_kill_9_and_every_line_parses() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AuditAppender.class.getName(), dir.toString(),
        String.valueOf(256 << 10)) // rotating too, every ~1,500 lines
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long lastAck = -1;
    try (BufferedReader acks = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = acks.readLine(); line != null; line = acks.readLine()) {
        assertThat(line).startsWith("ack ");
        lastAck = Long.parseLong(line.substring(4));
        if (lastAck >= 2_000) {
          child.destroyForcibly(); // SIGKILL while it keeps appending
          break;
        }
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(lastAck).as("acks read before the kill").isGreaterThanOrEqualTo(2_000);
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertThat(skipped).as("lines that do not parse").isEmpty();
    assertThat(AuditTrail.in(dir).files()).hasSizeGreaterThan(1);
    Set<Long> written = new HashSet<>();
    events.forEach(e -> written.add(e.rows()));
    for (long n = 0; n <= lastAck; n++) {
      assertThat(written).as("acknowledged line %d", n).contains(n);
    }
    assertThat(events).extracting(AuditEvent::rows).isSorted().doesNotHaveDuplicates();
  }
}
