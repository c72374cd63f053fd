package vn.danvan.etl.load;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.danvan.contract.Table;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.landing.LandingEncoding;
import vn.danvan.etl.load.LandingFile.Format;

/**
 * The files of a landing folder, by table, with their headers checked: one sub-folder per table,
 * files named freely. Everything that can refuse the input is decided here, before any data is
 * read, so a refused load writes nothing. Root-level files (the generator's {@code _planted.csv},
 * {@code _manifest.json}) and names starting with {@code _} or {@code .} are not input.
 */
final class Landing {
  private final Map<Table, List<LandingFile>> files;

  private Landing(Map<Table, List<LandingFile>> files) {
    this.files = files;
  }

  List<LandingFile> files(Table table) {
    return files.getOrDefault(table, List.of());
  }

  int fileCount() {
    return files.values().stream().mapToInt(List::size).sum();
  }

  static Landing scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new LoadRefusedException("refused " + dir + ": the landing folder does not exist");
    }
    Map<Table, List<LandingFile>> byTable = new EnumMap<>(Table.class);
    for (Path sub : list(dir)) {
      if (ignored(sub) || !Files.isDirectory(sub)) {
        continue;
      }
      String folder = sub.getFileName().toString();
      Table table = Table.forFolder(folder).orElseThrow(() -> new LoadRefusedException(
          "refused " + sub + ": unknown table folder '" + folder + "' (the landing folder holds one"
              + " sub-folder per table: " + String.join(", ", Stream.of(Table.values())
                  .map(Table::folder).toList()) + "); nothing of this load was written"));
      List<LandingFile> found = new ArrayList<>();
      for (Path file : walk(sub)) {
        Format format = Format.of(file).orElseThrow(() -> new LoadRefusedException("refused " + file
            + ": the loader reads .csv, .jsonl/.ndjson/.json and .xlsx files, not this one;"
            + " nothing of this load was written"));
        if (size(file) > 0) {
          found.add(new LandingFile(table, file, dir.relativize(file).toString(), format, List.of(), false));
        }
      }
      found.sort(Comparator.comparing(LandingFile::relative));
      byTable.put(table, found);
    }
    Map<Table, List<LandingFile>> withHeaders = readHeaders(byTable);
    withHeaders.values().forEach(list -> list.forEach(HeaderRules::mapping));
    return new Landing(withHeaders);
  }

  /** Headers of all files, read in parallel (each CSV and JSON file is read to its end). */
  private static Map<Table, List<LandingFile>> readHeaders(Map<Table, List<LandingFile>> byTable) {
    Map<Table, List<LandingFile>> out = new EnumMap<>(Table.class);
    byTable.forEach((table, list) -> out.put(table, list.parallelStream()
        .map(Landing::withHeader).toList()));
    return out;
  }

  private static LandingFile withHeader(LandingFile file) {
    try {
      return switch (file.format()) {
        case JSON -> file.withHeader(JsonKeys.of(file.path()));
        case XLSX -> file.withHeader(Workbooks.header(file.path()));
        case CSV -> LandingEncoding.of(file.path()) == LandingEncoding.Encoding.UTF_8
            ? new LandingFile(file.table(), file.path(), file.relative(), file.format(),
                csvHeader(file.path()), QuotedLineBreaks.in(file.path()))
            // read as its UTF-8 copy ({@link #inUtf8}), which says whether lines break in values
            : file.withHeader(utf16Header(file.path()));
      };
    } catch (IOException e) {
      throw new LoadRefusedException("refused " + file.path() + ": cannot read it ("
          + e.getMessage() + "); nothing of this load was written", e);
    }
  }

  private static List<String> utf16Header(Path file) throws IOException {
    try {
      List<ContractCsvReader.Row> rows = ContractCsvReader.parse(LandingEncoding.contractText(file), file.toString());
      return rows.isEmpty() ? List.of() : rows.get(0).fields();
    } catch (CharacterCodingException e) {
      throw new LoadRefusedException("refused " + file + ": it starts with a UTF-16 byte-order mark but is"
          + " not UTF-16 text. " + LandingEncoding.SAVE_AS_UTF8 + " Nothing of this load was written", e);
    } catch (IllegalArgumentException e) {
      throw new LoadRefusedException("refused " + e.getMessage() + "; nothing of this load was written", e);
    }
  }

  /**
   * Several landings as one, in the order given (which decides, for a key given twice, the row that
   * comes first): each file's relative path prefixed with its landing's name and a slash.
   */
  static Landing merge(Map<String, Landing> named) {
    Map<Table, List<LandingFile>> out = new EnumMap<>(Table.class);
    named.forEach((name, landing) -> landing.files.forEach((table, list) -> {
      List<LandingFile> all = out.computeIfAbsent(table, t -> new ArrayList<>());
      list.forEach(f -> all.add(new LandingFile(f.table(), f.path(), name + "/" + f.relative(), f.format(),
          f.header(), f.multiLine())));
    }));
    return new Landing(out);
  }

  /**
   * The same landing with every UTF-16 file (Excel's "Unicode Text") replaced by its UTF-8 copy in
   * {@code workDir} ({@link LandingEncoding#asUtf8}), which Spark reads; the originals are not
   * changed, and the quarantine still names them.
   */
  Landing inUtf8(Path workDir) {
    Map<Table, List<LandingFile>> out = new EnumMap<>(Table.class);
    files.forEach((table, list) -> out.put(table, list.stream().map(f -> {
      try {
        Path copy = LandingEncoding.asUtf8(f.path(), workDir, f.relative());
        return copy.equals(f.path()) ? f : withHeader(new LandingFile(f.table(), copy, f.relative(),
            f.format(), List.of(), false));
      } catch (IOException e) {
        throw new LoadRefusedException("refused " + f.path() + ": cannot read it as UTF-16 text ("
            + e.getMessage() + "). " + LandingEncoding.SAVE_AS_UTF8 + " Nothing of this load was written", e);
      }
    }).toList()));
    return new Landing(out);
  }

  private static List<String> csvHeader(Path file) throws IOException {
    try {
      return ContractCsvReader.header(file);
    } catch (CharacterCodingException e) {
      throw new LoadRefusedException("refused " + file + ": the header line is not UTF-8 text;"
          + " nothing of this load was written. " + LandingEncoding.SAVE_AS_UTF8, e);
    } catch (IllegalArgumentException e) {
      throw new LoadRefusedException("refused " + e.getMessage() + " (in the header);"
          + " nothing of this load was written", e);
    }
  }

  private static boolean ignored(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new LoadRefusedException("refused " + dir + ": cannot list it (" + e.getMessage() + ")", e);
    }
  }

  /** Regular files below a table folder, skipping hidden and underscore names at any depth. */
  private static List<Path> walk(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path p : list(dir)) {
      if (ignored(p)) {
        continue;
      }
      if (Files.isDirectory(p)) {
        out.addAll(walk(p));
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static long size(Path file) {
    try {
      if (!Files.isReadable(file)) {
        throw new IOException("permission denied");
      }
      return Files.size(file);
    } catch (IOException e) {
      throw new LoadRefusedException("refused " + file + ": cannot read it (" + e.getMessage()
          + "); nothing of this load was written", e);
    }
  }
}
