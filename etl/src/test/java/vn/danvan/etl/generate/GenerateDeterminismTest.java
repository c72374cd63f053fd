package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateDeterminismTest {
  @TempDir
  Path first;
  @TempDir
  Path second;
  @TempDir
  Path otherSeed;

  @Test
  void same_arguments_write_byte_identical_files() throws Exception {
    Fixtures.generate(Fixtures.config(first, "2024-2025", 0.03, 11, Fixtures.reference()));
    Fixtures.generate(Fixtures.config(second, "2024-2025", 0.03, 11, Fixtures.reference()));

    List<Path> files = files(first);
    assertThat(files).hasSizeGreaterThan(40).isEqualTo(files(second))
        .anyMatch(p -> p.toString().endsWith(".xlsx")).anyMatch(p -> p.toString().endsWith(".jsonl"))
        .contains(Path.of("_planted.csv"), Path.of("_manifest.json"));
    for (Path f : files) {
      assertThat(Files.readAllBytes(first.resolve(f))).as(f.toString())
          .isEqualTo(Files.readAllBytes(second.resolve(f)));
    }
  }

  @Test
  void another_seed_writes_other_rows() throws Exception {
    Fixtures.generate(Fixtures.config(first, "2024", 0.03, 11, Fixtures.reference()));
    Fixtures.generate(Fixtures.config(otherSeed, "2024", 0.03, 12, Fixtures.reference()));

    Path activities = Path.of("activities", "2024-old-0.csv");
    assertThat(Files.readAllBytes(first.resolve(activities)))
        .isNotEqualTo(Files.readAllBytes(otherSeed.resolve(activities)));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
