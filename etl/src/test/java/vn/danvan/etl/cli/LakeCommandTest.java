package vn.danvan.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Lake;

class LakeCommandTest {
  @TempDir Path root;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void duAndGcSayPerSnapshotWhatTheyHoldAndWhatWent() throws Exception {
    Lake lake = Lake.at(root);
    for (String id : new String[] {"a1", "a2", "a3"}) {
      Files.createDirectories(lake.snapshot(id).resolve("activities"));
      Files.write(lake.snapshot(id).resolve("activities/part-0.parquet"), new byte[2048]);
    }
    Files.createLink(lake.snapshot("a3").resolve("activities/shared.parquet"),
        lake.snapshot("a2").resolve("activities/part-0.parquet"));
    Files.writeString(lake.currentFile(), "a3", StandardCharsets.UTF_8);

    assertThat(run("lake", "du", "--lake", root.toString()).lines()).containsExactly(
        "snapshot                         files      total      alone     shared",
        "a1                                   1    2.0 KiB    2.0 KiB        0 B",
        "a2                                   1    2.0 KiB        0 B    2.0 KiB",
        "a3                                   2    4.0 KiB    2.0 KiB    2.0 KiB  CURRENT",
        "3 snapshot(s): 6.0 KiB on disk (8.0 KiB if nothing were shared)");

    assertThat(run("lake", "gc", "--keep", "1", "--dry-run", "--lake", root.toString()).lines()).containsExactly(
        "a1                             would remove (2.0 KiB freed)",
        "a2                             would remove (0 B freed)",
        "a3                             kept: current",
        "would remove 2 snapshot(s), 2.0 KiB");
    assertThat(lake.snapshotIds()).containsExactly("a1", "a2", "a3");

    // a load killed between its two renames left a4, staged from a3 and never current
    Files.createDirectories(lake.snapshot("a4"));
    Files.writeString(lake.snapshot("a4").resolve(Lake.REPORT), "{\"previous\":\"a3\"}");
    assertThat(run("lake", "gc", "--keep", "1", "--lake", root.toString()).lines()).containsExactly(
        "a1                             removed (2.0 KiB freed)",
        "a2                             removed (0 B freed)",
        "a3                             kept: current",
        "a4                             removed (17 B freed): never current (its load was killed while publishing)",
        "removed 3 snapshot(s), 2.0 KiB");
    assertThat(lake.snapshotIds()).containsExactly("a3");
    assertThat(Files.readString(root.resolve("audit/audit.jsonl"))).contains("\"action\":\"cleanup\"");
  }
}
