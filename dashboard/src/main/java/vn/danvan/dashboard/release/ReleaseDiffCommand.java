package vn.danvan.dashboard.release;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.danvan.contract.Lake;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.cli.TextTable;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.export.CsvExport;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.release.ChangedFigure;
import vn.danvan.warehouse.release.FigureDiff;

/**
 * {@code release diff NAME [--against current|OTHER]}: the errata list, every figure that changed,
 * appeared or vanished since the release froze ({@link FigureDiff}: indicator marts in both
 * boundary modes, external indicators, survey estimates), as a table, CSV or JSON. Exit 0 whether
 * or not figures differ (the summary line says how many).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Every figure (indicator x region x period, both boundary modes; external indicators; "
        + "survey estimates) that changed, appeared or vanished between release NAME and the current "
        + "snapshot or another release: the errata list.")
final class ReleaseDiffCommand extends ReleaseCommand.Action {
  static final List<String> COLUMNS = List.of("change", "mart", "indicator", "boundaries", "level", "region", "name",
      "grain", "period", "detail", "before", "after");

  @Parameters(paramLabel = "NAME", description = "the release whose figures are the 'before'")
  String name;

  @Option(names = "--against", defaultValue = "current", paramLabel = "current|OTHER",
      description = "the published snapshot (default) or another release")
  String against;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--csv", description = "CSV (RFC 4180, UTF-8), a header row then one row per figure")
    boolean csv;

    @Option(names = "--json", description = "one JSON object: both sides, the counts and the figures")
    boolean json;
  }

  @Override
  int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err) {
    Release release = releases.require(name);
    SnapshotRef before = releases.snapshot(release);
    SnapshotRef after = against.equals("current") ? ReleaseCommand.snapshot(lake, "current")
        : releases.snapshot(releases.require(against));
    String afterLabel = against.equals("current") ? "current" : "release " + against;
    WarehouseOptions options = WarehouseOptions.defaults();
    if (format.csv) {
      csv(before, after, options, out);
    } else if (format.json) {
      json(release, afterLabel, before, after, options, out);
    } else {
      TextTable table = TextTable.of(COLUMNS.stream().map(c -> c.toUpperCase(Locale.ROOT))
          .toArray(String[]::new));
      FigureDiff.Counts counts = FigureDiff.between(before, after, options, f -> table.row(cells(f).stream().map(CsvExport::cell).toArray()));
      if (table.size() > 0) {
        table.print(out);
      }
      out.println("release diff: " + name + " (snapshot " + before.id() + ") -> " + afterLabel + " (snapshot "
          + after.id() + "): " + counts.of(ChangedFigure.Change.CHANGED) + " changed, "
          + counts.of(ChangedFigure.Change.APPEARED) + " appeared, " + counts.of(ChangedFigure.Change.VANISHED)
          + " vanished");
    }
    return 0;
  }

  /** A figure's cells in {@link #COLUMNS} order. */
  static List<Object> cells(ChangedFigure f) {
    List<Object> cells = new ArrayList<>(List.of(f.change().code(), f.mart(), f.indicator(), f.boundaries(), f.level(),
        f.region()));
    cells.add(f.name());
    cells.add(f.grain());
    cells.add(f.period());
    cells.add(f.detail());
    cells.add(f.before());
    cells.add(f.after());
    return cells;
  }

  private static void csv(SnapshotRef before, SnapshotRef after, WarehouseOptions options, PrintWriter out) {
    try {
      CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
      printer.printRecord(COLUMNS);
      FigureDiff.between(before, after, options, f -> {
        try {
          printer.printRecord(cells(f).stream().map(CsvExport::cell).toList());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streamed: the figures are written as they are read, the counts after them. */
  private static void json(Release release, String afterLabel, SnapshotRef before, SnapshotRef after,
      WarehouseOptions options, PrintWriter out) {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectField("release", Releases.toJson(release));
      json.writeObjectFieldStart("against");
      json.writeStringField("name", afterLabel);
      json.writeStringField("snapshot", after.id());
      json.writeEndObject();
      json.writeArrayFieldStart("figures");
      FigureDiff.Counts counts = FigureDiff.between(before, after, options, f -> {
        try {
          mapper.writeValue(json, f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      json.writeEndArray();
      json.writeObjectFieldStart("counts");
      for (ChangedFigure.Change change : ChangedFigure.Change.values()) {
        json.writeNumberField(change.code(), counts.of(change));
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
