package vn.danvan.etl.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code year=N} folders of a table or mart partitioned by year: listing them, and carrying
 * the years a load does not rewrite over from the previous snapshot as hard links.
 */
public final class YearFolders {
  private static final String PREFIX = LakeSchema.YEAR + "=";

  private YearFolders() {}

  /** The years of a folder ({@code year=N} sub-folders), in order; none when it does not exist. */
  public static List<Integer> years(Path dir) {
    return years(dir, PREFIX);
  }

  private static List<Integer> years(Path dir, String prefix) {
    List<Integer> years = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return years;
    }
    try (Stream<Path> dirs = Files.list(dir)) {
      dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix)).forEach(n -> {
            try {
              years.add(Integer.parseInt(n.substring(prefix.length())));
            } catch (NumberFormatException notAYear) {
              throw new IllegalStateException(dir + " holds a partition " + n + " that names no year");
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    years.sort(null);
    return years;
  }

  /**
   * Hard-links every year folder of {@code before} that is not in {@code rewritten} into
   * {@code out} (which this load has written the rewritten years into: the folders never meet).
   *
   * @return the years linked
   */
  public static List<Integer> linkOthers(Path before, Path out, Set<Integer> rewritten) {
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

  /**
   * Moves the {@code column=N} folders Spark wrote into {@code written} to {@code year=N} folders of
   * {@code out}, then removes {@code written}: for data that keeps its year column in the files
   * too (Spark drops the column it partitions by).
   */
  public static void rename(Path written, String column, Path out) {
    try {
      Files.createDirectories(out);
      for (int year : years(written, column + "=")) {
        Files.move(written.resolve(column + "=" + year), out.resolve(PREFIX + year));
      }
      Publisher.deleteTree(written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the year folders of " + written + " to " + out, e);
    }
  }
}
