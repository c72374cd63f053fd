package vn.danvan.etl.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.SnapshotId;
import vn.danvan.contract.LakeLock;
import vn.danvan.etl.lake.LakeWriter;
import vn.danvan.etl.lake.Publisher;

/**
 * {@code danvan external import}: published indicator tables → a new lake snapshot. The files are
 * read and checked before the lake is touched; then, under the lake's lock, the new snapshot is
 * staged as the current one's tables and marts unchanged (hard links: snapshots are immutable)
 * with {@code external_values} holding the current snapshot's external values of other sources
 * plus this import's, and the external mart rebuilt, and published by rename. A failed import
 * leaves the current snapshot current and nothing else visible.
 */
public final class ExternalImport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** What the new snapshot does not take over from the current one: it writes them itself. */
  private static final Set<String> REWRITTEN = Set.of(ExternalTables.VALUES, ExternalTables.MART, Lake.REPORT);

  private ExternalImport() {}

  public record Config(Path lakeDir, ExternalSource source, List<Path> inputs, Clock clock) {
    public Config {
      Objects.requireNonNull(lakeDir, "lakeDir");
      Objects.requireNonNull(source, "source");
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("no input files or folders");
      }
      Objects.requireNonNull(clock, "clock");
    }
  }

  /**
   * @param replaced external values of the same source the previous snapshot held
   * @param martRows rows of the external mart in the new snapshot (all sources, both modes)
   */
  public record Result(String snapshot, String previous, PapiFiles.Read read, long replaced, long martRows) {}

  /**
   * @throws IllegalArgumentException when the files cannot be read (nothing written)
   * @throws IllegalStateException when the lake has no snapshot yet
   */
  public static Result run(SparkSession spark, Config config) {
    PapiFiles.Read read = config.source().read(config.inputs(), IndicatorCatalogue.load());
    Lake lake = Lake.at(config.lakeDir());
    try (LakeLock lock = LakeLock.acquire(lake)) {
      Publisher.clearLeftovers(lake);
      String previous = lake.current().orElseThrow(() -> new IllegalStateException("the lake " + lake
          + " has no snapshot yet: load the regions and figures first (bin/danvan load), then import"));
      Path previousDir = lake.snapshot(previous);
      String id = SnapshotId.next(config.clock(), new SplittableRandom());
      Path staging = lake.staging(id);
      try {
        Files.createDirectories(staging);
        carryOver(previousDir, staging);
        List<ExternalValue> kept = new ArrayList<>();
        long replaced = 0;
        for (ExternalValue v : ExternalTables.read(spark, previousDir)) {
          if (v.source().equals(config.source().code())) {
            replaced++;
          } else {
            kept.add(v);
          }
        }
        kept.addAll(read.values());
        long mart = ExternalTables.write(spark, staging, kept);
        writeReport(previousDir, staging, id, previous, config, read, replaced);
        Publisher.publish(lake, id);
        return new Result(id, previous, read, replaced, mart);
      } catch (IOException e) {
        deleteQuietly(staging, e);
        throw new UncheckedIOException("cannot stage " + staging, e);
      } catch (Throwable e) {
        // Throwable, not RuntimeException: Spark throws its checked SparkException undeclared
        deleteQuietly(staging, e);
        throw e;
      }
    }
  }

  private static void carryOver(Path from, Path to) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (!REWRITTEN.contains(name)) {
          LakeWriter.carryOver(p, to.resolve(name));
        }
      }
    }
  }

  /** The previous load report, renamed to this snapshot, with what the import did. */
  private static void writeReport(Path previousDir, Path staging, String id, String previous, Config config,
      PapiFiles.Read read, long replaced) throws IOException {
    Path old = Lake.report(previousDir);
    ObjectNode report = Files.isRegularFile(old) ? (ObjectNode) JSON.readTree(old.toFile()) : JSON.createObjectNode();
    report.put("snapshot", id);
    report.put("previous", previous);
    // the submissions of the copied report were loaded by the previous snapshot, not by this import
    report.remove(LoadReport.SUBMISSIONS);
    ObjectNode imp = report.putObject("external_import");
    imp.put("source", config.source().code());
    imp.put("at", config.clock().instant().toString());
    imp.put("values", read.values().size());
    imp.put("blanks", read.blanks());
    imp.put("replaced", replaced);
    ObjectNode files = imp.putObject("files");
    read.cellsAndBlanksByFile().forEach((f, n) -> files.putObject(f).put("cells", n[0]).put("blanks", n[1]));
    if (read.workbookAgainstCsv() != null) {
      PapiWorkbook.Comparison c = read.workbookAgainstCsv();
      ObjectNode cmp = imp.putObject("workbook_against_csv");
      cmp.put("compared", c.compared()).put("agree", c.agree());
      c.differences().forEach(cmp.putArray("differences")::add);
    }
    JSON.writeValue(Lake.report(staging).toFile(), report);
  }

  private static void deleteQuietly(Path staging, Throwable cause) {
    try {
      Publisher.deleteTree(staging);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
