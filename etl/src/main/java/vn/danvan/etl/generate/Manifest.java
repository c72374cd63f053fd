package vn.danvan.etl.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

/**
 * {@code OUT/_manifest.json}: the arguments, where the units came from, rows written per table,
 * planted rows per table and reason, and the rows the loader should land (written minus planted).
 * Holds no time or path of the output, so two runs with the same arguments write the same bytes.
 */
public final class Manifest {
  private final GenerateConfig config;
  private final String unitSource;
  private final boolean synthetic;
  private final Map<Table, Long> rows;
  private final Map<Table, int[]> planted;
  private final Map<Table, Integer> files;

  Manifest(GenerateConfig config, Units units, Map<Table, Long> rows, Map<Table, int[]> planted,
      Map<Table, Integer> files) {
    this.config = config;
    this.unitSource = units.synthetic ? "synthetic" : "reference";
    this.synthetic = units.synthetic;
    this.rows = new EnumMap<>(rows);
    this.planted = new EnumMap<>(planted);
    this.files = new EnumMap<>(files);
  }

  /** Data rows written to the table's files (planted rows and resubmitted copies included). */
  public long rows(Table table) {
    return rows.getOrDefault(table, 0L);
  }

  /** Planted rows of the table failing {@code reason}. */
  public int planted(Table table, Reason reason) {
    int[] p = planted.get(table);
    return p == null ? 0 : p[reason.ordinal()];
  }

  public long planted(Table table) {
    int[] p = planted.get(table);
    return p == null ? 0 : java.util.Arrays.stream(p).sum();
  }

  public boolean synthetic() {
    return synthetic;
  }

  void write(Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("years", config.firstYear() + "-" + config.lastYear());
    args.put("scale", config.scale());
    args.put("seed", config.seed());
    args.put("format", config.format().name().toLowerCase(java.util.Locale.ROOT));
    root.put("generator", "danvan generate");
    root.put("arguments", args);
    root.put("units", unitSource);
    Map<String, Object> tables = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rows", rows(t));
      entry.put("files", files.getOrDefault(t, 0));
      entry.put("planted", planted(t));
      entry.put("expected_landed", rows(t) - planted(t));
      Map<String, Integer> reasons = new LinkedHashMap<>();
      for (Reason r : Reason.values()) {
        if (planted(t, r) > 0) {
          reasons.put(r.code(), planted(t, r));
        }
      }
      entry.put("planted_by_reason", reasons);
      tables.put(t.folder(), entry);
    }
    root.put("tables", tables);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("duplicates", "resubmitted copies of good rows are in <table>/" + Layout.RESUBMITTED
        + ", which sorts after every other file: the first occurrence lands, the copy is planted");
    notes.put("formats", "XLSX: one province per table and segment of report_values, activities, models,"
        + " campaign_targets; JSON Lines: every third posts/post_metrics file; CSV otherwise");
    root.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }

  /** Rows and planted rows per table, and planted rows per reason, for the console. */
  String summary() {
    StringBuilder s = new StringBuilder("summary (rows written, planted bad rows by reason):\n");
    long total = 0;
    long bad = 0;
    for (Table t : Table.values()) {
      total += rows(t);
      bad += planted(t);
      StringBuilder reasons = new StringBuilder();
      for (Reason r : Reason.values()) {
        if (planted(t, r) > 0) {
          reasons.append(' ').append(r.code()).append('=').append(planted(t, r));
        }
      }
      s.append(String.format("  %-17s %,11d %,8d%s%n", t.folder(), rows(t), planted(t), reasons));
    }
    s.append(String.format("  %-17s %,11d %,8d%n", "total", total, bad));
    return s.toString();
  }
}
