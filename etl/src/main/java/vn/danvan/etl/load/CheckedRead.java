package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.Publisher;

/**
 * The load's first pass on its own, for a benchmark's peer ({@code bench etl}): every table of a
 * landing read, typed and judged by every check exactly as a load does, each row's verdict and
 * typed values computed and then dropped. No duplicate is looked for, nothing is cached, counted
 * by reason or written. Its time is what Spark needs to check the rows at all on these cores; the
 * load's tables take that and their other passes.
 */
public final class CheckedRead {
  private CheckedRead() {}

  /** A table's rows read, and of them those that passed every check (duplicates not looked for). */
  public record Counted(long read, long passed) {

    /**
     * What a load of the same rows implies: the rows it read, and as passed those it landed and
     * those it quarantined only as duplicates (a duplicate's other failing reason comes first).
     */
    public static Counted ofLoad(long read, long landed, long duplicates) {
      return new Counted(read, landed + duplicates);
    }
  }

  /**
   * Judges every table of {@code landing} against the references of {@code snapshot} (the regions,
   * campaigns, survey waves and questions, and posts a load of the same landing staged).
   */
  public static Map<Table, Counted> run(SparkSession spark, Path landing, Path snapshot, LocalDate asOf) {
    LoadJob.checking(spark);
    Path work;
    try {
      work = Files.createTempDirectory("danvan-checked-read");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a work folder", e);
    }
    try {
      // UTF-16 files read from UTF-8 copies, as a load reads them
      return judge(spark, Landing.scan(landing).inUtf8(work.resolve("utf8")), snapshot, asOf);
    } finally {
      try {
        Publisher.deleteTree(work);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + work, e);
      }
    }
  }

  private static Map<Table, Counted> judge(SparkSession spark, Landing files, Path snapshot, LocalDate asOf) {
    References references = References.staged(spark, snapshot);
    Map<Table, Counted> out = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      List<LandingFile> of = files.files(table);
      if (of.isEmpty()) {
        continue;
      }
      Observation seen = new Observation(table.folder() + "_checked");
      // every column is computed (a no-op write takes them all), as the load's cache takes them
      TableLoad.judged(spark, table, of, references, TableLoad.checks(table, asOf, Catalogue.indicators()))
          .observe(seen, count(lit(1)).as("read"), count_if(col(Classify.REASON).isNull()).as("passed"))
          .write().format("noop").mode("overwrite").save();
      out.put(table, new Counted(TableLoad.metric(seen, "read"), TableLoad.metric(seen, "passed")));
    }
    return out;
  }
}
