package vn.danvan.etl.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.Plan.Way;

/**
 * The output of one task (one table's rows of one year and group of provinces): its own random
 * stream, its own files, and what it planted. Tasks share nothing mutable, so they run in parallel
 * and their results are merged in task order: the files do not depend on the thread schedule.
 */
final class TaskOut implements AutoCloseable {
  final SplittableRandom rnd;
  final Units units;
  final GenerateConfig config;
  private final List<RowSink> sinks = new ArrayList<>();
  private final Map<Table, long[]> rows = new EnumMap<>(Table.class);
  private final Map<Table, StringBuilder> planted = new EnumMap<>(Table.class);
  private final Map<Table, int[]> plantedCounts = new EnumMap<>(Table.class);
  private final Map<Table, StringBuilder> duplicates = new EnumMap<>(Table.class);
  private final Map<Table, Integer> files = new EnumMap<>(Table.class);
  private final Set<String> plantedKeys = new HashSet<>();

  /** Share of workbook rows given a formula without its result (beside the plan's own draw). */
  static final double WORKBOOK_FORMULA_RATE = 0.03;

  TaskOut(GenerateConfig config, Units units, Object... identity) {
    this.config = config;
    this.units = units;
    this.rnd = new SplittableRandom(Rng.seed(config.seed(), identity));
  }

  /** Opens a landing file of {@code table}; the extension decides the format. */
  RowSink open(Table table, String fileName, boolean bom) throws IOException {
    Path path = config.out().resolve(table.folder()).resolve(fileName);
    RowSink sink;
    if (fileName.endsWith(".xlsx")) {
      sink = new XlsxSink(path, table);
    } else if (fileName.endsWith(".jsonl")) {
      sink = new JsonlSink(path, table);
    } else {
      sink = new CsvSink(path, table, bom && !config.csvOnly(), fileName.endsWith("-unicode.csv"));
    }
    sinks.add(sink);
    files.merge(table, 1, Integer::sum);
    return sink;
  }

  /**
   * Writes a row, perhaps made bad as the plan says. Returns true when the row was made bad, so
   * that the caller gives it no dependants (no metrics for a bad post, no target for a bad
   * campaign): the loader then quarantines exactly the planted rows.
   *
   * @param era units the row was drawn under; null when its period spans both eras
   */
  boolean emit(Plan plan, RowSink sink, String[] row, Era era) throws IOException {
    Way way = plan.draw(rnd);
    // a formula without its result exists only in a workbook, a few rows of a table: drawn there
    // more often, so that every table that has workbooks has some
    if (way == null && sink.canCarryFormula() && rnd.nextDouble() < WORKBOOK_FORMULA_RATE) {
      way = plan.way(Reason.FORMULA_WITHOUT_RESULT);
    }
    Table table = plan.table;
    rows.computeIfAbsent(table, t -> new long[1])[0]++;
    if (way == null) {
      sink.write(row, false);
      return false;
    }
    switch (way.reason()) {
      case DUPLICATE_ID -> {
        sink.write(row, false);
        CsvSink.format(duplicates.computeIfAbsent(table, t -> new StringBuilder()), row);
        rows.get(table)[0]++;
        record(plan, row, Reason.DUPLICATE_ID);
        return false;
      }
      case MALFORMED_ROW -> {
        if (!sink.canCarryExtraField()) {
          sink.write(row, false);
          return false;
        }
        sink.write(row, true);
        record(plan, row, Reason.MALFORMED_ROW);
        return true;
      }
      default -> {
        if (way.reason() == Reason.FORMULA_WITHOUT_RESULT && !sink.canCarryFormula()) {
          sink.write(row, false);
          return false;
        }
        String[] before = row.clone();
        if (!way.mutation().apply(row, era, units, rnd)
            || !plantedKeys.add(table.ordinal() + "|" + plan.key(row))) {
          System.arraycopy(before, 0, row, 0, row.length);
          sink.write(row, false);
          return false;
        }
        sink.write(row, false);
        record(plan, row, way.reason());
        return true;
      }
    }
  }

  private void record(Plan plan, String[] row, Reason reason) {
    StringBuilder s = planted.computeIfAbsent(plan.table, t -> new StringBuilder());
    CsvSink.format(s, new String[] {plan.table.folder(), plan.key(row), reason.code()});
    plantedCounts.computeIfAbsent(plan.table, t -> new int[Reason.values().length])[reason.ordinal()]++;
  }

  /** Closes every file and hands over counts, planted lines and duplicate copies. */
  TaskResult finish() throws IOException {
    close();
    return new TaskResult(rows, planted, plantedCounts, duplicates, files);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (RowSink s : sinks) {
      try {
        s.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    sinks.clear();
    if (first != null) {
      throw first;
    }
  }

  /** What one task wrote: rows per table (duplicate copies included), planted rows, copies. */
  record TaskResult(Map<Table, long[]> rows, Map<Table, StringBuilder> planted,
      Map<Table, int[]> plantedCounts, Map<Table, StringBuilder> duplicates, Map<Table, Integer> files) {}
}
