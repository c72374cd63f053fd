package vn.danvan.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of the indicator catalogue: what a code means, in which unit, how it is computed and
 * since when this definition holds.
 *
 * @param computation {@code sum}, {@code count}, {@code ratio:<numerator>/<denominator>} over
 *     two other indicator codes; {@code external:<source>} for a published indicator that
 *     {@code danvan external import} brings in as it is (table {@value #EXTERNAL_TABLE}); or
 *     {@code survey}: an opinion-survey series (the questions of {@code survey_questions} that name
 *     this code as their {@code indicator}), estimated into the {@code survey_estimates} mart. The
 *     indicator marts compute neither of the last two
 * @param reports the report values that give it directly (none for ratios and record-only ones)
 * @param records how it is computed from record-level facts (none for report-only ones)
 * @param sourceTables the lake tables the indicator is computed from
 */
public record Indicator(
    String code,
    String nameVi,
    String nameEn,
    String unit,
    String computation,
    Optional<ReportSource> reports,
    Optional<RecordFormula> records,
    List<String> sourceTables,
    int definitionVersion,
    LocalDate validFrom) {
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  /** The lake table that holds the values of external indicators. */
  public static final String EXTERNAL_TABLE = "external_values";
  /** Contract tables an indicator may name as its source. */
  public static final Set<String> TABLES = Set.of("report_values", "activities", "models", "posts",
      "post_metrics", "campaign_targets", "population", "survey_responses", EXTERNAL_TABLE);
  static final Pattern COMPUTATION =
      Pattern.compile("sum|count|survey|ratio:([a-z][a-z0-9_]*)/([a-z][a-z0-9_]*)|external:[a-z][a-z0-9_]*");
  static final String SURVEY = "survey";

  public Indicator {
    requireText(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("indicator code must be lower_snake_case: '" + code + "'");
    }
    requireText(nameVi, "name_vi of " + code);
    requireText(nameEn, "name_en of " + code);
    requireText(unit, "unit of " + code);
    requireText(computation, "computation of " + code);
    if (!COMPUTATION.matcher(computation).matches()) {
      throw new IllegalArgumentException("computation of " + code
          + " must be sum, count, survey, ratio:<code>/<code> or external:<source>, not '" + computation + "'");
    }
    Objects.requireNonNull(reports, "reports of " + code);
    Objects.requireNonNull(records, "records of " + code);
    boolean ratio = computation.startsWith("ratio:");
    boolean external = computation.startsWith("external:");
    if ((ratio || external) && (reports.isPresent() || records.isPresent())) {
      throw new IllegalArgumentException(code + " is " + (ratio ? "a ratio" : "external")
          + ": it takes no reports or records of its own");
    }
    boolean survey = computation.equals(SURVEY);
    if (survey && (reports.isPresent() || records.isPresent()
        || !List.of("survey_responses").equals(sourceTables))) {
      throw new IllegalArgumentException(code + " is a survey series: it takes no reports or records,"
          + " and its source table is survey_responses alone");
    }
    if (!ratio && !external && !survey && reports.isEmpty() && records.isEmpty()) {
      throw new IllegalArgumentException(code + " names neither reports nor records to compute it from");
    }
    if (records.isPresent() && computation.equals("count") != records.get().isCount()) {
      throw new IllegalArgumentException("computation of " + code + " is " + computation
          + " but its records formula is " + (records.get().isCount() ? "a count" : "a sum"));
    }
    sourceTables = List.copyOf(Objects.requireNonNull(sourceTables, "sourceTables of " + code));
    if (sourceTables.isEmpty()) {
      throw new IllegalArgumentException("source_tables of " + code + " is empty");
    }
    for (String table : sourceTables) {
      if (!TABLES.contains(table)) {
        throw new IllegalArgumentException("unknown source table '" + table + "' (known: "
            + TABLES.stream().sorted().toList() + ")");
      }
    }
    if (external != sourceTables.contains(EXTERNAL_TABLE) || external && sourceTables.size() != 1) {
      throw new IllegalArgumentException(code + ": " + EXTERNAL_TABLE
          + " is the one source table of an external indicator, and only of one");
    }
    if (definitionVersion < 1) {
      throw new IllegalArgumentException(
          "definition_version of " + code + " must be >= 1, not " + definitionVersion);
    }
    Objects.requireNonNull(validFrom, "valid_from of " + code);
  }

  /** A survey series: estimated in the survey mart, ignored by the indicator marts. */
  public boolean isSurvey() {
    return computation.equals(SURVEY);
  }

  /**
   * Whether a value of this indicator counts things (conferences, people, houses, gifts, man-days)
   * or money in VND, and so is a whole number: every summed or counted indicator of the catalogue
   * has such a unit. Ratios, external scores and survey shares take fractions.
   */
  public boolean takesWholeNumbers() {
    return computation.equals("sum") || computation.equals("count");
  }

  public boolean isRatio() {
    return computation.startsWith("ratio:");
  }

  /** A published indicator imported as it is ({@code external:<source>}), never computed. */
  public boolean isExternal() {
    return computation.startsWith("external:");
  }

  /** The source of an external indicator ({@code papi} for {@code external:papi}). */
  public Optional<String> externalSource() {
    return isExternal() ? Optional.of(computation.substring("external:".length())) : Optional.empty();
  }

  /** The numerator and denominator codes of a ratio. */
  public Optional<List<String>> ratioOperands() {
    java.util.regex.Matcher m = COMPUTATION.matcher(computation);
    return m.matches() && m.group(1) != null ? Optional.of(List.of(m.group(1), m.group(2))) : Optional.empty();
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
  }
}
