package vn.danvan.etl.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code year=N} folders of a table or mart partitioned by year: listing them, and carrying
 * the years a load does not rewrite over from the previous snapshot as hard links. A fact table
 * whose year comes from a date is stored by month within its years: each file of a year folder
 * holds one month, named {@code mMM-part-…parquet} (the folders stay {@code year=N}, so readers
 * see the same layout), and a load rewrites only the months it reaches and links the year's other
 * months' files. A file without that prefix (a table by year only, or a year written before
 * months were) holds any month of its year, so its year is rewritten whole.
 */
public final class YearFolders {
  private static final String PREFIX = LakeSchema.YEAR + "=";
  /** A month's file: {@code m11-part-….parquet}, and Hadoop's checksum beside it {@code .m11-part-….crc}. */
  private static final Pattern MONTH_FILE = Pattern.compile("^\\.?m(\\d{2})-");

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

  /** The years and month files a load carried over as links. */
  public record Linked(List<Integer> years, List<Path> files) {}

  /**
   * Links what {@code before} holds outside this load's reach into {@code out}: the year folders
   * not in {@code wholeYears} nor among the months' years whole, and in a year some of whose
   * {@code months} ({@code year * 100 + month}) were rewritten, the files of its other months.
   *
   * @return the years linked whole and every Parquet file linked (whole years' included)
   */
  public static Linked linkOthers(Path before, Path out, Set<Integer> wholeYears, Set<Integer> months) {
    List<Integer> linkedYears = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int year : years(before)) {
      Path from = before.resolve(PREFIX + year);
      Path target = out.resolve(PREFIX + year);
      boolean someMonths = months.stream().anyMatch(m -> m / 100 == year);
      if (wholeYears.contains(year)) {
        continue;
      }
      for (Path file : list(from)) {
        int month = month(file.getFileName().toString());
        if (someMonths && month == 0) {
          throw new IllegalStateException(file + " holds no one month, so its year cannot be rewritten by month");
        }
        if (someMonths && months.contains(year * 100 + month)) {
          continue;
        }
        Path link = target.resolve(file.getFileName().toString());
        if (Files.exists(link)) {
          throw new IllegalStateException(link + " was written by this load although its month was not"
              + " reached; refusing to mix it with the previous snapshot's files");
        }
        try {
          Files.createDirectories(target);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create " + target, e);
        }
        LakeWriter.carryOver(file, link);
        if (file.getFileName().toString().endsWith(".parquet")) {
          files.add(link);
        }
      }
      if (!someMonths) {
        linkedYears.add(year);
      }
    }
    return new Linked(linkedYears, files);
  }

  /** The month a lake file's name says it holds (1-12), or 0 when it may hold any month of its year. */
  public static int month(String fileName) {
    Matcher m = MONTH_FILE.matcher(fileName);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Whether a year folder holds a Parquet file that is not one month's (then it is rewritten whole). */
  public static boolean wholeYearFiles(Path yearDir) {
    return list(yearDir).stream().map(p -> p.getFileName().toString())
        .anyMatch(n -> n.endsWith(".parquet") && month(n) == 0);
  }

  /**
   * Moves the files Spark wrote into {@code written/year=Y/column=M/} to {@code out/year=Y/} as
   * {@code mMM-} files, then removes {@code written}.
   */
  public static void moveMonths(Path written, String column, Path out) {
    try {
      for (int year : years(written)) {
        Path yearDir = written.resolve(PREFIX + year);
        Path target = Files.createDirectories(out.resolve(PREFIX + year));
        for (Path monthDir : list(yearDir)) {
          String name = monthDir.getFileName().toString();
          if (!name.startsWith(column + "=")) {
            continue;
          }
          String tag = String.format(java.util.Locale.ROOT, "m%02d-", Integer.parseInt(name.substring(column.length() + 1)));
          for (Path file : list(monthDir)) {
            String f = file.getFileName().toString();
            Files.move(file, target.resolve(f.startsWith(".") ? "." + tag + f.substring(1) : tag + f));
          }
        }
      }
      Files.createDirectories(out);
      Publisher.deleteTree(written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the month files of " + written + " to " + out, e);
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
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
