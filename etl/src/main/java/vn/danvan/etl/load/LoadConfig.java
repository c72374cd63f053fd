package vn.danvan.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import vn.danvan.etl.outreach.Benchmark;

/**
 * What one load does: which landing folder goes into which lake, and the load date {@code asOf},
 * the latest date a record may carry. The clock only names the snapshot and stamps the report;
 * nothing that lands in the lake depends on it, so loading the same input twice lands the same rows.
 * {@code benchmark} sets how the outreach mart's overperformance scores are computed (docs/outreach.md).
 */
public record LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock, Benchmark benchmark) {

  public LoadConfig {
    Objects.requireNonNull(landingDir, "landingDir");
    Objects.requireNonNull(lakeDir, "lakeDir");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(benchmark, "benchmark");
    landingDir = landingDir.toAbsolutePath().normalize();
    lakeDir = lakeDir.toAbsolutePath().normalize();
    if (lakeDir.startsWith(landingDir) || landingDir.startsWith(lakeDir)) {
      throw new IllegalArgumentException("the lake " + lakeDir + " and the landing folder "
          + landingDir + " must not contain each other");
    }
  }

  /** With CrowdTangle's benchmark ({@link Benchmark#CROWDTANGLE}). */
  public LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock) {
    this(landingDir, lakeDir, asOf, clock, Benchmark.CROWDTANGLE);
  }

  /** This load with another overperformance benchmark. */
  public LoadConfig withBenchmark(Benchmark benchmark) {
    return new LoadConfig(landingDir, lakeDir, asOf, clock, benchmark);
  }

  public static LoadConfig of(Path landingDir, Path lakeDir, LocalDate asOf) {
    return new LoadConfig(landingDir, lakeDir, asOf, Clock.systemUTC());
  }

  boolean landingExists() {
    return Files.isDirectory(landingDir);
  }
}
