package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.LakeWriter;

/**
 * Which year partitions of a fact table a load reaches, and the hard links that carry the others
 * over. A load reaches the years of the rows it lands and the years of the earlier rows it
 * replaces (a corrected row may move to another year, and its old partition must lose it); every
 * other year holds exactly the rows it held before, so its files are linked, never rewritten.
 */
final class YearPartitions {
  private static final String PREFIX = LakeSchema.YEAR + "=";

  private YearPartitions() {}

  /**
   * Why a table must be written in full although a previous snapshot exists, or empty when only
   * the years it reaches need to be.
   */
  static Optional<String> whyInFull(Table table) {
    if (!table.partitioned()) {
      return Optional.of("not partitioned by year");
    }
    if (table == Table.POST_METRICS) {
      // the decreasing flag compares a post's snapshots across years: a late snapshot changes later years
      return Optional.of("its decreasing flag compares a post's snapshots across years");
    }
    return Optional.empty();
  }

  /**
   * The years this load reaches: those of {@code landed} and those of the {@code previous} rows
   * whose key it lands. Empty when a row has no year (then the table is written in full).
   */
  static Optional<Set<Integer>> reached(Dataset<Row> landed, Dataset<Row> previous, Table table) {
    Dataset<Row> keys = landed.select(table.key().stream().map(k -> col(k)).toArray(Column[]::new));
    Dataset<Row> replaced = previous.join(keys, scala.jdk.javaapi.CollectionConverters.asScala(table.key()).toSeq(),
        "left_semi");
    Set<Integer> years = new TreeSet<>();
    for (Row r : landed.select(col(LakeSchema.YEAR)).union(replaced.select(col(LakeSchema.YEAR)))
        .distinct().collectAsList()) {
      if (r.isNullAt(0)) {
        return Optional.empty();
      }
      years.add(r.getInt(0));
    }
    return Optional.of(years);
  }

  /** The years of a table folder ({@code year=N} sub-folders), in order. */
  static List<Integer> years(Path tableDir) {
    List<Integer> years = new ArrayList<>();
    if (!Files.isDirectory(tableDir)) {
      return years;
    }
    try (Stream<Path> dirs = Files.list(tableDir)) {
      dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(PREFIX)).forEach(n -> {
            try {
              years.add(Integer.parseInt(n.substring(PREFIX.length())));
            } catch (NumberFormatException notAYear) {
              throw new IllegalStateException(tableDir + " holds a partition " + n + " that names no year");
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tableDir, e);
    }
    years.sort(null);
    return years;
  }

  /**
   * Hard-links every year partition of {@code before} that is not in {@code rewritten} into
   * {@code out} (which this load has written the rewritten years into: the folders never meet).
   *
   * @return the years linked
   */
  static List<Integer> linkOthers(Path before, Path out, Set<Integer> rewritten) {
    List<Integer> linked = new ArrayList<>();
    for (int year : years(before)) {
      if (!rewritten.contains(year)) {
        Path target = out.resolve(PREFIX + year);
        if (Files.exists(target)) {
          throw new IllegalStateException(target + " was written by this load although year " + year
              + " was not reached; refusing to mix it with the previous snapshot's files");
        }
        LakeWriter.carryOver(before.resolve(PREFIX + year), target);
        linked.add(year);
      }
    }
    return linked;
  }

  /** The rows of {@code previous} in the years not rewritten (the linked ones). */
  static long rowsOutside(Dataset<Row> previous, Set<Integer> rewritten) {
    return rewritten.isEmpty() ? previous.count()
        : previous.where(not(col(LakeSchema.YEAR).isin(rewritten.toArray()))).count();
  }
}
