package vn.danvan.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an indicator is computed from record-level facts: {@code table:count} or
 * {@code table:sum(column)}, optionally filtered, e.g.
 * {@code activities:sum(sessions)[activity_type=briefing_conference]} or
 * {@code models:count[status=recognized|commended]}. Tables, columns and filter columns come from
 * a fixed allow-list, because the marts turn them into Spark columns.
 *
 * @param column the summed column; empty for {@code count}
 * @param filter column → accepted values; a record counts when every column holds one of them
 */
public record RecordFormula(String table, Optional<String> column, Map<String, Set<String>> filter) {
  /**
   * Record tables: {@code post_totals} is posts with their totals (the largest counts any snapshot
   * saw: the etl's {@code post_stats} mart); {@code
   * population} is the population table (one figure per region and year).
   */
  public static final Map<String, Tables> TABLES = Map.of(
      "activities", new Tables(Set.of("sessions", "participants", "quantity", "man_days", "value_vnd"),
          Set.of("activity_type", "unit")),
      "models", new Tables(Set.of("mobilized_vnd"), Set.of("field", "scope", "status")),
      "posts", new Tables(Set.of(), Set.of("platform", "format", "topic", "unit")),
      "post_totals", new Tables(Set.of("shares", "comments", "reactions", "views"),
          Set.of("platform", "format", "topic", "unit")),
      // a stock, not a flow: the marts take a region's own figure for its area, like a report's
      "population", new Tables(Set.of("population"), Set.of()));

  private static final Pattern FORM = Pattern.compile(
      "([a-z_]+):(?:count|sum\\(([a-z_]+)\\))(?:\\[([a-z_]+=[a-z0-9_|]+(?:;[a-z_]+=[a-z0-9_|]+)*)])?");

  /** What a record table may sum and filter on. */
  public record Tables(Set<String> measures, Set<String> filters) {}

  public RecordFormula {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Tables allowed = TABLES.get(table);
    if (allowed == null) {
      throw new IllegalArgumentException("record table must be one of " + TABLES.keySet().stream().sorted().toList()
          + ", not '" + table + "'");
    }
    if (column.isPresent() && !allowed.measures().contains(column.get())) {
      throw new IllegalArgumentException(table + " has no summable column '" + column.get() + "' (allowed: "
          + allowed.measures().stream().sorted().toList() + ")");
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    filter.forEach((k, v) -> {
      if (!allowed.filters().contains(k)) {
        throw new IllegalArgumentException(table + " cannot be filtered on '" + k + "' (allowed: "
            + allowed.filters().stream().sorted().toList() + ")");
      }
      copy.put(k, Set.copyOf(v));
    });
    filter = java.util.Collections.unmodifiableMap(copy);
  }

  /** @throws IllegalArgumentException when {@code text} does not follow the form above */
  public static RecordFormula parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("records must be <table>:count or <table>:sum(<column>), optionally "
          + "followed by [column=value|value;...], not '" + text + "'");
    }
    Map<String, Set<String>> filter = new LinkedHashMap<>();
    if (m.group(3) != null) {
      for (String part : m.group(3).split(";")) {
        String[] kv = part.split("=", 2);
        if (filter.put(kv[0], Set.copyOf(List.of(kv[1].split("\\|")))) != null) {
          throw new IllegalArgumentException("records filter names '" + kv[0] + "' twice: '" + text + "'");
        }
      }
    }
    return new RecordFormula(m.group(1), Optional.ofNullable(m.group(2)), filter);
  }

  /** The formula as the catalogue writes it (filter values sorted). */
  public String text() {
    StringBuilder b = new StringBuilder(table).append(':')
        .append(column.map(c -> "sum(" + c + ")").orElse("count"));
    if (!filter.isEmpty()) {
      b.append('[');
      filter.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ";")
          .append(k).append('=').append(String.join("|", v.stream().sorted().toList())));
      b.append(']');
    }
    return b.toString();
  }

  public boolean isCount() {
    return column.isEmpty();
  }
}
