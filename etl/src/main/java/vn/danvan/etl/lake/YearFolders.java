package vn.danvan.etl.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code year=N} folders of a table or mart partitioned by year: listing them, and carrying
 * what a load does not rewrite over from the previous snapshot as hard links. Within its years a
 * fact table dated by day is stored by month and the indicator mart by period: each file of a
 * year folder holds one part, named by it ({@code m11-part-….parquet} for November,
 * {@code p2025-Q4-part-….parquet} for a period; the folders stay {@code year=N}, so readers see the
 * same layout), and a load rewrites only the parts it reaches and links the year's other parts'
 * files. A file without a tag ({@code part-…}: a table dated by year, or a year written before
 * parts were files of their own) may hold any part of its year, so its year is rewritten whole.
 */
public final class YearFolders {
  private static final String PREFIX = LakeSchema.YEAR + "=";
  /** Spark names every file it writes {@code part-…}; a tag goes before, Hadoop's checksum {@code .} before that. */
  private static final String SPARK_FILE = "part-";

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
    return linkOthers(before, out, rewritten, Map.of()).years();
  }

  /** The years and files a load carried over as links. */
  public record Linked(List<Integer> years, List<Path> files) {}

  /**
   * Links what {@code before} holds outside this load's reach into {@code out}: the year folders
   * neither in {@code wholeYears} nor in {@code parts} whole, and in a year of {@code parts}, the
   * files of the parts (tags) not listed for it.
   *
   * @return the years linked whole and every Parquet file linked (whole years' included)
   */
  public static Linked linkOthers(Path before, Path out, Set<Integer> wholeYears, Map<Integer, Set<String>> parts) {
    List<Integer> linkedYears = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int year : years(before)) {
      if (wholeYears.contains(year)) {
        continue;
      }
      Set<String> rewritten = parts.get(year);
      Path target = out.resolve(PREFIX + year);
      for (Path file : list(before.resolve(PREFIX + year))) {
        String tag = tag(file.getFileName().toString());
        if (rewritten != null && tag.isEmpty()) {
          throw new IllegalStateException(file + " holds no one part of its year, so the year cannot be rewritten"
              + " by parts");
        }
        if (rewritten != null && rewritten.contains(tag)) {
          continue;
        }
        Path link = target.resolve(file.getFileName().toString());
        if (Files.exists(link)) {
          throw new IllegalStateException(link + " was written by this load although its part was not"
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
      if (rewritten == null) {
        linkedYears.add(year);
      }
    }
    return new Linked(linkedYears, files);
  }

  /** The part a lake file's name says it holds ({@code m11}, {@code p2025-Q4}), or "" when it may hold any of its year. */
  public static String tag(String fileName) {
    String name = fileName.startsWith(".") ? fileName.substring(1) : fileName;
    int at = name.indexOf(SPARK_FILE);
    return at > 0 && name.charAt(at - 1) == '-' ? name.substring(0, at - 1) : "";
  }

  /** The tag of a month's file: {@code m01} to {@code m12}. */
  public static String monthTag(int month) {
    return String.format(Locale.ROOT, "m%02d", month);
  }

  /** The tags of months' files ({@code year * 100 + month}) by year, as {@link #linkOthers} takes them. */
  public static Map<Integer, Set<String>> monthTags(Set<Integer> months) {
    Map<Integer, Set<String>> tags = new java.util.TreeMap<>();
    months.forEach(m -> tags.computeIfAbsent(m / 100, y -> new java.util.TreeSet<>()).add(monthTag(m % 100)));
    return tags;
  }

  /** The tag of a period's file in the indicator mart: {@code p2025-Q4}. */
  public static String periodTag(String period) {
    return "p" + period;
  }

  /**
   * The months and periods the Parquet files of {@code dir}'s year folders hold, read from their
   * names ({@code 2025-11}, {@code 2025-Q4}), in order; files of no one part add nothing.
   */
  public static List<String> periods(Path dir) {
    java.util.TreeSet<String> periods = new java.util.TreeSet<>();
    for (int year : years(dir)) {
      for (Path file : list(dir.resolve(PREFIX + year))) {
        String tag = tag(file.getFileName().toString());
        if (!tag.isEmpty() && file.getFileName().toString().endsWith(".parquet")) {
          periods.add(tag.startsWith("m") ? year + "-" + tag.substring(1) : tag.substring(1));
        }
      }
    }
    return List.copyOf(periods);
  }

  /** The Parquet data files of a folder (no checksum or marker files), sorted; none if it does not exist. */
  public static List<Path> files(Path dir) {
    return list(dir).stream().filter(p -> {
      String n = p.getFileName().toString();
      return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
    }).toList();
  }

  /** Whether a year folder holds a Parquet file of no one part (then it is rewritten whole). */
  public static boolean wholeYearFiles(Path yearDir) {
    return list(yearDir).stream().map(p -> p.getFileName().toString())
        .anyMatch(n -> n.endsWith(".parquet") && tag(n).isEmpty());
  }

  /**
   * Moves the files Spark wrote into {@code written/yearColumn=Y/partColumn=V/} to
   * {@code out/year=Y/} named {@code tagOf(V)-part-…}, then removes {@code written}.
   */
  public static void moveTagged(Path written, String yearColumn, String partColumn, Function<String, String> tagOf,
      Path out) {
    try {
      for (int year : years(written, yearColumn + "=")) {
        Path yearDir = written.resolve(yearColumn + "=" + year);
        Path target = Files.createDirectories(out.resolve(PREFIX + year));
        for (Path partDir : list(yearDir)) {
          String name = partDir.getFileName().toString();
          if (name.startsWith(partColumn + "=")) {
            moveFiles(partDir, target, tagOf.apply(unescapePathName(name.substring(partColumn.length() + 1))));
          }
        }
      }
      Files.createDirectories(out);
      Publisher.deleteTree(written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the part files of " + written + " to " + out, e);
    }
  }

  /**
   * As above, for files Spark wrote into {@code written/partColumn=V/}, one folder a part, where
   * the part's value gives its year ({@code yearOf(V)}) as well as its tag.
   */
  public static void moveTagged(Path written, String partColumn, java.util.function.ToIntFunction<String> yearOf,
      Function<String, String> tagOf, Path out) {
    try {
      for (Path partDir : list(written)) {
        String name = partDir.getFileName().toString();
        if (name.startsWith(partColumn + "=")) {
          String value = unescapePathName(name.substring(partColumn.length() + 1));
          moveFiles(partDir, Files.createDirectories(out.resolve(PREFIX + yearOf.applyAsInt(value))),
              tagOf.apply(value));
        }
      }
      Files.createDirectories(out);
      Publisher.deleteTree(written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the part files of " + written + " to " + out, e);
    }
  }

  private static void moveFiles(Path partDir, Path target, String tag) throws IOException {
    for (Path file : list(partDir)) {
      String f = file.getFileName().toString();
      Files.move(file, target.resolve(f.startsWith(".") ? "." + tag + "-" + f.substring(1) : tag + "-" + f));
    }
  }

  /** A partition value as Spark escapes it in a folder name ({@code %XX}). */
  private static String unescapePathName(String escaped) {
    return java.net.URLDecoder.decode(escaped.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
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
}
