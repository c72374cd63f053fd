package vn.danvan.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

/**
 * What one load did, written as {@code _load_report.json} into its snapshot: per table how many
 * rows were read, landed and quarantined (by reason), how many the lake now holds, and totals.
 * Every table of the contract is listed (zeros for a table the landing did not have).
 *
 * <p>A load of submissions ({@code danvan load --submissions}) also lists, under {@code
 * submissions}, every submission it loaded with its rows per table: the published snapshot is the
 * record that they are loaded ({@code vn.danvan.contract.intake.Submissions} reads it), so they are
 * loaded exactly when the snapshot is published.
 */
public record LoadReport(String snapshot, String previous, LocalDate asOf, Path landing,
    Instant startedAt, Instant finishedAt, Map<Table, Counts> tables,
    Map<String, Map<Table, RowCounts>> submissions, Map<String, Part> parts, String definitions,
    Map<String, Double> seconds) {

  /**
   * What a load did with one table or mart of the new snapshot: wrote it in full, rewrote some of
   * its year partitions and hard-linked the others from the previous snapshot, or linked it whole.
   *
   * @param rewrittenYears the years it wrote files in
   * @param linkedYears the years it linked whole
   * @param rewrittenPeriods for a table stored by month within its years, the months ({@code 2025-11})
   *     it rewrote, and for the indicator mart stored by period, the periods ({@code 2025-Q4}); the
   *     other parts' files in {@code rewrittenYears} are links. Empty when the rewritten years were
   *     written whole
   * @param reason why, in words (a person reads it in the summary)
   */
  public record Part(Action action, List<Integer> rewrittenYears, List<Integer> linkedYears,
      List<String> rewrittenPeriods, String reason) {
    public Part {
      Objects.requireNonNull(action, "action");
      rewrittenYears = List.copyOf(rewrittenYears);
      linkedYears = List.copyOf(linkedYears);
      rewrittenPeriods = List.copyOf(rewrittenPeriods);
      Objects.requireNonNull(reason, "reason");
    }

    /** A part whose rewritten years were written whole. */
    public Part(Action action, List<Integer> rewrittenYears, List<Integer> linkedYears, String reason) {
      this(action, rewrittenYears, linkedYears, List.of(), reason);
    }

    public static Part rewritten(String reason) {
      return new Part(Action.REWRITTEN, List.of(), List.of(), reason);
    }

    public static Part linked(String reason) {
      return new Part(Action.LINKED, List.of(), List.of(), reason);
    }
  }

  /** {@link Part#action()}: closed. */
  public enum Action {
    /** Written in full by this load. */
    REWRITTEN("rewritten"),
    /** Some year partitions written, the rest hard links to the previous snapshot's files. */
    PARTITIONS("partitions"),
    /** Every file a hard link to the previous snapshot's file. */
    LINKED("linked");

    private final String code;

    Action(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Rows of one part of a load (a submission's files of one table): {@code read == landed + quarantined}. */
  public record RowCounts(long read, long landed, long quarantined) {
    public RowCounts {
      if (read < 0 || landed < 0 || quarantined < 0 || read != landed + quarantined) {
        throw new IllegalStateException("counts do not reconcile: read " + read + " != landed "
            + landed + " + quarantined " + quarantined);
      }
    }

    public RowCounts plus(RowCounts other) {
      return new RowCounts(read + other.read, landed + other.landed, quarantined + other.quarantined);
    }
  }

  /**
   * One table's counts; {@code read == landed + quarantined} always.
   *
   * @param rowsInLake rows of the table in the new snapshot (landed plus carried over)
   */
  public record Counts(long read, long landed, Map<Reason, Long> quarantinedByReason,
      long rowsInLake, Map<String, Long> warnings) {

    public static final Counts NONE = new Counts(0, 0, Map.of(), 0, Map.of());

    public Counts {
      Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
      byReason.putAll(Objects.requireNonNull(quarantinedByReason, "quarantinedByReason"));
      byReason.values().removeIf(n -> n == 0);
      // in Reason order, so a report's JSON lists them alike in every load (Map.copyOf's order
      // changes from one JVM to the next)
      quarantinedByReason = java.util.Collections.unmodifiableMap(byReason);
      warnings = Map.copyOf(Objects.requireNonNull(warnings, "warnings"));
      long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
      if (read != landed + quarantined) {
        throw new IllegalStateException("counts do not reconcile: read " + read + " != landed "
            + landed + " + quarantined " + quarantined);
      }
    }

    public long quarantined() {
      return read - landed;
    }

    public Counts withRowsInLake(long rows) {
      return new Counts(read, landed, quarantinedByReason, rows, warnings);
    }
  }

  public LoadReport {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Map<Table, Counts> all = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      all.put(t, tables.getOrDefault(t, Counts.NONE));
    }
    tables = java.util.Collections.unmodifiableMap(all);
    Map<String, Map<Table, RowCounts>> bySubmission = new java.util.TreeMap<>();
    Objects.requireNonNull(submissions, "submissions").forEach((id, counts) -> {
      Map<Table, RowCounts> t = new EnumMap<>(Table.class);
      t.putAll(counts);
      bySubmission.put(id, java.util.Collections.unmodifiableMap(t));
    });
    submissions = java.util.Collections.unmodifiableMap(bySubmission);
    parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parts, "parts")));
    seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(seconds, "seconds")));
  }

  /** A load that does not say how long its stages took. */
  public LoadReport(String snapshot, String previous, LocalDate asOf, Path landing,
      Instant startedAt, Instant finishedAt, Map<Table, Counts> tables,
      Map<String, Map<Table, RowCounts>> submissions, Map<String, Part> parts, String definitions) {
    this(snapshot, previous, asOf, landing, startedAt, finishedAt, tables, submissions, parts, definitions, Map.of());
  }

  /** A load that says nothing of which parts it rewrote. */
  public LoadReport(String snapshot, String previous, LocalDate asOf, Path landing,
      Instant startedAt, Instant finishedAt, Map<Table, Counts> tables,
      Map<String, Map<Table, RowCounts>> submissions) {
    this(snapshot, previous, asOf, landing, startedAt, finishedAt, tables, submissions, Map.of(), null);
  }

  /** A load of a landing folder (no submissions). */
  public LoadReport(String snapshot, String previous, LocalDate asOf, Path landing,
      Instant startedAt, Instant finishedAt, Map<Table, Counts> tables) {
    this(snapshot, previous, asOf, landing, startedAt, finishedAt, tables, Map.of());
  }

  /** The key of the parts a load rewrote or linked in {@code _load_report.json}. */
  public static final String PARTS = "parts";
  /**
   * The key of the seconds each stage took: {@code tables} (reading, checking and writing every
   * table), then each mart in the order built or linked ({@code post_stats}, {@code indicator_values},
   * {@code mart_regions}, {@code external_indicator_values}, {@code survey_estimates}), and
   * {@code marts}, all of them together.
   */
  public static final String SECONDS = "seconds";
  /** The key of the fingerprint of what every figure is defined by (the catalogue, the marts' rules). */
  public static final String DEFINITIONS = "definitions";

  /** The definitions fingerprint an earlier report recorded, or empty (a report from before it was kept). */
  public static java.util.Optional<String> definitions(com.fasterxml.jackson.databind.JsonNode report) {
    com.fasterxml.jackson.databind.JsonNode n = report.path(DEFINITIONS);
    return n.isTextual() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
  }

  public long totalRead() {
    return tables.values().stream().mapToLong(Counts::read).sum();
  }

  public long totalLanded() {
    return tables.values().stream().mapToLong(Counts::landed).sum();
  }

  public long totalQuarantined() {
    return tables.values().stream().mapToLong(Counts::quarantined).sum();
  }

  public long totalRowsInLake() {
    return tables.values().stream().mapToLong(Counts::rowsInLake).sum();
  }

  /** Quarantined rows by reason over all tables, in reason order. */
  public Map<Reason, Long> quarantinedByReason() {
    Map<Reason, Long> sum = new EnumMap<>(Reason.class);
    tables.values().forEach(c -> c.quarantinedByReason().forEach((r, n) -> sum.merge(r, n, Long::sum)));
    return sum;
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The JSON document; key names are the lake's contract (snake case). */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("snapshot", snapshot);
    root.put("previous", previous);
    root.put("as_of", asOf.toString());
    root.put("landing", landing.toString());
    root.put("started_at", startedAt.toString());
    root.put("finished_at", finishedAt.toString());
    ObjectNode byTable = root.putObject("tables");
    tables.forEach((table, c) -> {
      ObjectNode t = byTable.putObject(table.folder());
      t.put("read", c.read());
      t.put("landed", c.landed());
      t.put("quarantined", c.quarantined());
      ObjectNode reasons = t.putObject("quarantined_by_reason");
      c.quarantinedByReason().forEach((r, n) -> reasons.put(r.code(), n));
      t.put("rows_in_lake", c.rowsInLake());
      ObjectNode warned = t.putObject("warnings");
      new java.util.TreeMap<>(c.warnings()).forEach(warned::put);
    });
    ObjectNode totals = root.putObject("totals");
    totals.put("read", totalRead());
    totals.put("landed", totalLanded());
    totals.put("quarantined", totalQuarantined());
    totals.put("rows_in_lake", totalRowsInLake());
    Map<String, Long> reasons = new LinkedHashMap<>();
    quarantinedByReason().forEach((r, n) -> reasons.put(r.code(), n));
    reasons.forEach(totals.putObject("quarantined_by_reason")::put);
    if (definitions != null) {
      root.put(DEFINITIONS, definitions);
    }
    if (!seconds.isEmpty()) {
      ObjectNode timed = root.putObject(SECONDS);
      seconds.forEach((stage, t) -> timed.put(stage, Math.round(t * 10) / 10.0));
    }
    if (!parts.isEmpty()) {
      ObjectNode byPart = root.putObject(PARTS);
      parts.forEach((name, p) -> {
        ObjectNode n = byPart.putObject(name);
        n.put("action", p.action().code());
        p.rewrittenYears().forEach(n.putArray("rewritten_years")::add);
        p.linkedYears().forEach(n.putArray("linked_years")::add);
        if (!p.rewrittenPeriods().isEmpty()) {
          p.rewrittenPeriods().forEach(n.putArray("rewritten_periods")::add);
        }
        n.put("reason", p.reason());
      });
    }
    if (!submissions.isEmpty()) {
      ObjectNode loaded = root.putObject(SUBMISSIONS);
      submissions.forEach((id, counts) -> {
        ObjectNode s = loaded.putObject(id);
        counts.forEach((table, c) -> {
          ObjectNode t = s.putObject(table.folder());
          t.put("read", c.read());
          t.put("landed", c.landed());
          t.put("quarantined", c.quarantined());
        });
      });
    }
    return root;
  }

  /** The key of the submissions a load loaded in {@code _load_report.json}. */
  public static final String SUBMISSIONS = "submissions";

  /**
   * The submissions a report (as read from {@code _load_report.json}) says its load loaded, with
   * their rows per table; empty for a load of a landing folder.
   *
   * @throws IllegalStateException when an entry is not of the shape {@link #toJson()} writes
   */
  public static Map<String, Map<Table, RowCounts>> submissions(com.fasterxml.jackson.databind.JsonNode report) {
    Map<String, Map<Table, RowCounts>> out = new java.util.TreeMap<>();
    com.fasterxml.jackson.databind.JsonNode loaded = report.path(SUBMISSIONS);
    loaded.properties().forEach(entry -> {
      Map<Table, RowCounts> counts = new EnumMap<>(Table.class);
      entry.getValue().properties().forEach(t -> {
        Table table = Table.forFolder(t.getKey()).orElseThrow(() -> new IllegalStateException(
            "submission " + entry.getKey() + " names an unknown table " + t.getKey()));
        counts.put(table, new RowCounts(t.getValue().path("read").asLong(-1),
            t.getValue().path("landed").asLong(-1), t.getValue().path("quarantined").asLong(-1)));
      });
      out.put(entry.getKey(), java.util.Collections.unmodifiableMap(counts));
    });
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * {@code rows_in_lake} per table of an earlier report, for tables carried over unchanged; empty
   * when the file is missing or unreadable (the caller then counts the rows itself).
   */
  public static Map<Table, Long> rowsInLake(Path file) {
    Map<Table, Long> rows = new EnumMap<>(Table.class);
    try {
      com.fasterxml.jackson.databind.JsonNode tables = JSON.readTree(file.toFile()).path("tables");
      for (Table t : Table.values()) {
        com.fasterxml.jackson.databind.JsonNode n = tables.path(t.folder()).path("rows_in_lake");
        if (n.canConvertToLong()) {
          rows.put(t, n.asLong());
        }
      }
    } catch (IOException e) {
      rows.clear();
    }
    return rows;
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
