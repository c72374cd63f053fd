package vn.danvan.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a load's process prints past its loggers goes to the load's log, not under the terminal's
 * one line: an out-of-memory load once ended with its line and 29 lines of a Scala trace, printed
 * by Spark's shutdown on System.err (LoadCommandTest's out-of-memory test failed on it in CI).
 */
class LoadLogTest {
  @TempDir Path tmp;

  @Test
  void a_stray_trace_goes_to_the_loads_log_and_the_commands_line_to_the_terminal() throws Exception {
    PrintStream before = System.err;
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    try {
      PrintWriter command = new PrintWriter(System.err, true); // picocli's, taken before the load
      LoadLog.strayOutput(true);
      Path log = LoadLog.start(at("2026-12-07T01:00:00Z"), Map.of(LoadLog.DIR_ENV, tmp.toString()));
      assertThat(log).as("made on demand, as the loggers' file").doesNotExist();

      Thread stray = new Thread(() -> {
        throw new IllegalStateException("a stray failure");
      }, "shutdown-worker");
      stray.start();
      stray.join();
      command.println("load failed while writing report_values: out of memory (…). (exit 5)");

      assertThat(Files.readString(log)).startsWith("Exception in thread \"shutdown-worker\" "
          + "java.lang.IllegalStateException: a stray failure").contains("\tat java.base/java.lang.Thread.run");
      assertThat(terminal.toString(StandardCharsets.UTF_8))
          .isEqualTo("load failed while writing report_values: out of memory (…). (exit 5)" + System.lineSeparator());

      // a watcher's next load: its own log takes what follows
      Path next = LoadLog.start(at("2026-12-07T01:05:00Z"), Map.of(LoadLog.DIR_ENV, tmp.toString()));
      System.err.println("later");
      assertThat(Files.readString(next)).isEqualTo("later" + System.lineSeparator());
      assertThat(Files.readString(log)).doesNotContain("later");
    } finally {
      LoadLog.strayOutput(false);
      System.setErr(before);
    }
  }

  @Test
  void a_command_run_inside_another_program_leaves_its_system_err_alone() {
    PrintStream before = System.err;
    LoadLog.start(at("2026-12-07T01:10:00Z"), Map.of(LoadLog.DIR_ENV, tmp.toString()));
    assertThat(System.err).isSameAs(before);
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
