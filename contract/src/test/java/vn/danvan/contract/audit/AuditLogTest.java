package vn.danvan.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.audit.AuditEvent.Action;

class AuditLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-12-03T05:06:07.089Z");

  @TempDir Path dir;

  static AuditEvent download(String login, long n) {
    return new AuditEvent(T.plusMillis(n), login, "analyst", "01", "127.0.0.1", Action.DOWNLOAD,
        "Nhà được xây sửa (/map.html?year=2020) #" + n, "ok", n);
  }

  @Test
  void a_line_holds_every_field_in_order_and_parses_back() throws Exception {
    try (AuditLog log = AuditLog.open(dir)) {
      log.record(new AuditEvent(T, "lan", "admin", "VN", "10.0.0.7", Action.DOWNLOAD,
          "Bảng \"x\" (/trends.html)", "ok", 34L));
      log.record(new AuditEvent(T.plusSeconds(1), null, null, null, "10.0.0.8", Action.LOGIN_FAILED, null,
          "denied", null));
    }
    List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(Files.readString(dir.resolve("audit.jsonl"))).endsWith("}\n");
    JsonNode first = JSON.readTree(lines.get(0));
    List<String> names = new ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("time", "login", "role", "scope", "address", "action", "target", "outcome",
        "rows");
    assertThat(first.get("time").asText()).isEqualTo("2026-12-03T05:06:07.089Z");
    assertThat(first.get("action").asText()).isEqualTo("download");
    assertThat(first.get("target").asText()).isEqualTo("Bảng \"x\" (/trends.html)");
    assertThat(first.get("rows").isIntegralNumber()).isTrue();
    assertThat(lines.get(1)).isEqualTo("{\"time\":\"2026-12-03T05:06:08.089Z\",\"login\":null,\"role\":null,"
        + "\"scope\":null,\"address\":\"10.0.0.8\",\"action\":\"login_failed\",\"target\":null,\"outcome\":\"denied\","
        + "\"rows\":null}");
    assertThat(AuditLines.parse(lines.get(0))).isEqualTo(new AuditEvent(T, "lan", "admin", "VN", "10.0.0.7",
        Action.DOWNLOAD, "Bảng \"x\" (/trends.html)", "ok", 34L));
    assertThat(AuditLines.parse(lines.get(1))).isEqualTo(new AuditEvent(T.plusSeconds(1), null, null, null,
        "10.0.0.8", Action.LOGIN_FAILED, null, "denied", null));
  }

  @Test
  void rotates_at_the_limit_into_files_named_by_time_without_losing_or_splitting_a_line() throws Exception {
    long lineBytes = AuditLines.format(download("lan", 100)).length;
    // a fixed clock: every rotation falls in the same millisecond, so names must step on
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    try (AuditLog log = AuditLog.open(dir, lineBytes * 10 + 5, false, clock)) {
      for (long n = 100; n < 135; n++) {
        log.record(download("lan", n));
      }
    }
    List<Path> files = AuditTrail.in(dir).files();
    assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
        "audit-20261203T120000.000Z.jsonl", "audit-20261203T120000.001Z.jsonl", "audit-20261203T120000.002Z.jsonl",
        "audit.jsonl");
    List<Long> seen = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      assertThat(Files.size(f)).as(f.toString()).isLessThanOrEqualTo(lineBytes * 10 + 5);
      assertThat(lines).as(f.toString()).hasSize(f.endsWith("audit.jsonl") ? 5 : 10);
      for (String line : lines) {
        seen.add(AuditLines.parse(line).rows());
      }
    }
    assertThat(seen).hasSize(35).isSorted().doesNotHaveDuplicates();
    assertThat(AuditTrail.in(dir).newest(AuditFilter.all(), 12).events()).extracting(AuditEvent::rows)
        .containsExactly(134L, 133L, 132L, 131L, 130L, 129L, 128L, 127L, 126L, 125L, 124L, 123L);
  }

  @Test
  void threads_writing_at_once_never_interleave() throws Exception {
    int threads = 8;
    int each = 2_000;
    try (AuditLog log = AuditLog.open(dir, 64 << 10, false)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String login = "user" + t;
        done.add(pool.submit(() -> {
          for (long n = 0; n < each; n++) {
            log.record(download(login, n));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertThat(skipped).isEmpty();
    assertThat(AuditTrail.in(dir).files()).hasSizeGreaterThan(2); // rotated while the threads wrote
    assertThat(events).hasSize(threads * each);
    Set<String> distinct = new HashSet<>();
    events.forEach(e -> distinct.add(e.login() + "/" + e.rows()));
    assertThat(distinct).hasSize(threads * each);
    for (int t = 0; t < threads; t++) {
      String login = "user" + t;
      // each thread's lines in the order it wrote them
      assertThat(events.stream().filter(e -> e.login().equals(login)).map(AuditEvent::rows).toList()).isSorted();
    }
  }

  @Test
  void a_torn_last_line_is_skipped_and_said_and_the_next_line_starts_whole() throws Exception {
    try (AuditLog log = AuditLog.open(dir)) {
      log.record(download("lan", 1));
      log.record(download("lan", 2));
    }
    byte[] third = AuditLines.format(download("lan", 3));
    Files.write(dir.resolve("audit.jsonl"), java.util.Arrays.copyOf(third, 40), StandardOpenOption.APPEND);

    AuditTrail.Read torn = AuditTrail.in(dir).newest(AuditFilter.all(), 10);
    assertThat(torn.events()).extracting(AuditEvent::rows).containsExactly(2L, 1L);
    assertThat(torn.skipped()).containsExactly(
        "audit.jsonl line 3: skipped an incomplete last line of 40 bytes (torn by a power loss or a killed writer, "
            + "or still being written)");

    try (AuditLog log = AuditLog.open(dir)) { // the server started again after the power came back
      log.record(download("lan", 4));
    }
    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertThat(events).extracting(AuditEvent::rows).containsExactly(1L, 2L, 4L);
    assertThat(skipped).singleElement().asString().startsWith("audit.jsonl line 3: skipped, not a whole event");
  }

  /** Another process killed in the middle of its write, while this log holds the file open. */
  @Test
  void a_line_torn_by_another_writer_is_closed_before_the_next_line_is_written() throws Exception {
    try (AuditLog log = AuditLog.open(dir)) {
      log.record(download("server", 1));
      byte[] cli = AuditLines.format(download("cli", 2));
      Files.write(dir.resolve("audit.jsonl"), java.util.Arrays.copyOf(cli, 57), StandardOpenOption.APPEND);
      log.record(download("server", 3));
      log.record(download("server", 4));
    }
    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = AuditTrail.in(dir).forEach(AuditFilter.all(), events::add);
    assertThat(events).extracting(AuditEvent::rows).containsExactly(1L, 3L, 4L);
    assertThat(skipped).singleElement().asString().startsWith("audit.jsonl line 2: skipped, not a whole event");
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8).get(1)).hasSize(57);
  }

  @Test
  void filters_by_time_login_and_action() {
    AuditFilter filter = AuditFilter.parse("2026-12-03", " lan ", "download");
    assertThat(filter.since()).isEqualTo(Instant.parse("2026-12-02T17:00:00Z")); // midnight in Vietnam
    assertThat(AuditFilter.parse("2026-12-03T08:00", null, null).since()).isEqualTo(Instant.parse("2026-12-03T01:00:00Z"));
    assertThat(AuditFilter.parse("2026-12-03T08:00Z", "", "").since()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    assertThat(filter.matches(download("lan", 0))).isTrue();
    assertThat(filter.matches(download("minh", 0))).isFalse();
    assertThat(filter.matches(new AuditEvent(Instant.parse("2026-12-02T16:59:59.999Z"), "lan", null, null, "x",
        Action.DOWNLOAD, null, "ok", null))).isFalse();
    assertThat(filter.matches(new AuditEvent(T, "lan", null, null, "x", Action.LOGIN, null, "ok", null))).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditFilter.parse("yesterday", null, null))
        .hasMessageStartingWith("since: a date");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditFilter.parse(null, null, "delete"))
        .hasMessageStartingWith("action: one of login, login_failed");
  }

  @Test
  void the_environment_sets_the_rotation_size_and_the_forcing() {
    vn.danvan.contract.Lake lake = vn.danvan.contract.Lake.at(dir);
    try (AuditLog log = Audits.forLake(lake, java.util.Map.of())) {
      assertThat(log.dir()).isEqualTo(dir.resolve("audit"));
      assertThat(log.maxBytes()).isEqualTo(64L << 20);
      assertThat(log.sync()).isFalse();
    }
    try (AuditLog log = Audits.forLake(lake, java.util.Map.of(Audits.MAX_MB_ENV, "2", Audits.SYNC_ENV, "true"))) {
      assertThat(log.maxBytes()).isEqualTo(2L << 20);
      assertThat(log.sync()).isTrue();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Audits.forLake(lake, java.util.Map.of(Audits.MAX_MB_ENV,
        "lots"))).hasMessage("$DANVAN_AUDIT_MAX_MB: a size in MiB (1 or more), not 'lots'");
  }
}
