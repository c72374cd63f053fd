package vn.danvan.contract.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;

class SubmissionWatcherTest {
  @TempDir Path tmp;

  /** Holds the mark of the lake given as its argument until its input ends or it is killed. */
  public static void main(String[] args) throws Exception {
    try (SubmissionWatcher mark = SubmissionWatcher.mark(Lake.at(Path.of(args[0])),
        new SubmissionWatcher.Running(ProcessHandle.current().pid(), Instant.parse(args[1])))) {
      System.out.println("marked");
      System.out.flush();
      System.in.read();
    }
  }

  @Test
  void a_watcher_in_another_process_is_found_until_it_is_killed() throws Exception {
    Lake lake = Lake.at(tmp.resolve("lake"));
    assertThat(SubmissionWatcher.running(lake)).isEmpty();
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SubmissionWatcherTest.class.getName(),
        lake.root().toString(), "2026-12-06T21:00:00Z")).redirectErrorStream(true).start();
    try {
      BufferedReader said = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("marked");
      assertThat(SubmissionWatcher.running(lake))
          .contains(new SubmissionWatcher.Running(child.pid(), Instant.parse("2026-12-06T21:00:00Z")));
      // a second watcher is refused, naming the first
      assertThatThrownBy(() -> SubmissionWatcher.mark(lake, new SubmissionWatcher.Running(1, Instant.now())))
          .isInstanceOf(SubmissionWatcher.AlreadyWatchedException.class)
          .hasMessageContaining("pid " + child.pid() + ", since 2026-12-06T21:00:00Z")
          .satisfies(e -> assertThat(((SubmissionWatcher.AlreadyWatchedException) e).running().pid())
              .isEqualTo(child.pid()));
      // kill -9: the OS lets go of its lock, and its file no longer counts
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(SubmissionWatcher.running(lake)).isEmpty();
    } finally {
      child.destroyForcibly();
    }
    // the next watcher takes the mark over the file the killed one left
    try (SubmissionWatcher next = SubmissionWatcher.mark(lake, new SubmissionWatcher.Running(7, Instant.EPOCH))) {
      assertThat(SubmissionWatcher.running(lake)).contains(new SubmissionWatcher.Running(7, Instant.EPOCH));
    }
    assertThat(SubmissionWatcher.running(lake)).isEmpty();
  }

  @Test
  void a_mark_held_in_this_jvm_counts_and_is_let_go_on_close() {
    Lake lake = Lake.at(tmp.resolve("lake"));
    Instant since = Instant.parse("2026-12-06T08:30:00Z");
    try (SubmissionWatcher mark = SubmissionWatcher.mark(lake, new SubmissionWatcher.Running(42, since))) {
      assertThat(SubmissionWatcher.running(lake)).contains(new SubmissionWatcher.Running(42, since));
      assertThatThrownBy(() -> SubmissionWatcher.mark(lake, new SubmissionWatcher.Running(43, since)))
          .isInstanceOf(SubmissionWatcher.AlreadyWatchedException.class).hasMessageContaining("pid 42");
    }
    assertThat(SubmissionWatcher.running(lake)).isEmpty();
  }
}
