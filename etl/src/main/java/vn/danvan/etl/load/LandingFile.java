package vn.danvan.etl.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Table;

/**
 * One file of a landing folder with its header as written (CSV first line, XLSX first row, or the
 * keys of all JSON lines) and, for CSV, whether a quoted value spans lines (then it must be parsed
 * as a whole file rather than split by line).
 */
record LandingFile(Table table, Path path, String relative, Format format, List<String> header,
    boolean multiLine) {

  enum Format {
    CSV, JSON, XLSX;

    /** The format a file name's extension says, if it names one the loader reads. */
    static Optional<Format> of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return Optional.of(CSV);
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
        return Optional.of(JSON);
      }
      if (name.endsWith(".xlsx")) {
        return Optional.of(XLSX);
      }
      return Optional.empty();
    }
  }

  LandingFile {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(relative, "relative");
    Objects.requireNonNull(format, "format of " + relative);
    header = List.copyOf(header);
  }

  LandingFile withHeader(List<String> newHeader) {
    return new LandingFile(table, path, relative, format, newHeader, multiLine);
  }
}
