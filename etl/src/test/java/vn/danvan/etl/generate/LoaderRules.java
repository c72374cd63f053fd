package vn.danvan.etl.generate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.danvan.contract.Column;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.Vocabulary;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.landing.XlsxSheet;
import vn.danvan.etl.generate.LandingReader.LandingRow;

/**
 * The loader's row checks, re-implemented from {@link Reason}'s definitions and the region-validity
 * rules of the team notes, independently of the generator. Every check is evaluated (not only the
 * first that fails), so a test can tell a row that fails exactly one check from one that fails two.
 */
final class LoaderRules {
  /** Data must not lie after the day of the load; this is the earliest day the tests may run. */
  static final LocalDate LOAD_DATE = LocalDate.of(2026, 11, 23);
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  static final Map<String, Set<String>> VOCABULARIES = Map.ofEntries(
      Map.entry("unit", Vocabulary.UNIT), Map.entry("owner_unit", Vocabulary.UNIT),
      Map.entry("activity_type", Vocabulary.ACTIVITY_TYPE), Map.entry("field", Vocabulary.MODEL_FIELD),
      Map.entry("scope", Vocabulary.MODEL_SCOPE), Map.entry("status", Vocabulary.MODEL_STATUS),
      Map.entry("platform", Vocabulary.PLATFORM), Map.entry("format", Vocabulary.FORMAT),
      Map.entry("type", Vocabulary.QUESTION_TYPE), Map.entry("age_group", Vocabulary.AGE_GROUP),
      Map.entry("sex", Vocabulary.SEX), Map.entry("residence", Vocabulary.RESIDENCE),
      Map.entry("level", Vocabulary.REGION_LEVEL), Map.entry("relation", Vocabulary.LINEAGE_RELATION));

  /** Dates of records, bounded by 2000-01-01 and the load date (as are years of records). */
  static final Set<String> RECORD_DATES = Set.of("report_values.period_start", "report_values.period_end",
      "activities.start_date", "activities.end_date", "posts.published_at", "post_metrics.observed_at",
      "survey_waves.fieldwork_start", "survey_waves.fieldwork_end", "models.year", "campaign_targets.year",
      "population.year");

  /** One row's outcome: its key as written and every check it fails (empty = it lands). */
  record Verdict(Table table, String key, List<Reason> failed, LandingRow row) {}

  private final Map<String, List<LocalDate[]>> validity = new HashMap<>();
  private final Set<String> indicators = new HashSet<>();
  /** Indicators summed or counted: counts and money, whole numbers only. */
  private final Set<String> wholeNumbers = new HashSet<>();
  private final Set<String> campaigns = new HashSet<>();
  private final Map<String, LocalDate[]> waves = new HashMap<>();
  private final Set<String> questions = new HashSet<>();
  /** Type and options of each landed question, by wave|question: what its answers must be. */
  private final Map<String, String[]> questionTypes = new HashMap<>();
  /** Landed posts and their publication instants (a snapshot must not precede its post). */
  private final Map<String, java.time.Instant> posts = new HashMap<>();

  /** Checks every row of the folder, table by table in load order. */
  static List<Verdict> check(Path landing) throws IOException {
    return new LoaderRules().run(landing);
  }

  private List<Verdict> run(Path landing) throws IOException {
    try (var in = LoaderRules.class.getResourceAsStream("/vn/danvan/catalogue/indicators.csv")) {
      List<List<String>> rows = ContractCsvReader.read(
          new InputStreamReader(in, StandardCharsets.UTF_8), "indicators.csv").stream()
          .map(ContractCsvReader.Row::fields).toList();
      // survey series are named by questions only (computation = survey)
      rows.subList(1, rows.size()).stream().filter(r -> !r.get(4).equals("survey")).forEach(r -> indicators.add(r.get(0)));
      rows.subList(1, rows.size()).stream().filter(r -> r.get(4).equals("sum") || r.get(4).equals("count"))
          .forEach(r -> wholeNumbers.add(r.get(0)));
    }
    List<Verdict> out = new ArrayList<>();
    for (Table table : Table.values()) {
      Set<String> keys = new HashSet<>();
      for (LandingRow row : LandingReader.rows(landing, table)) {
        String key = key(table, row);
        List<Reason> failed = failures(row);
        if (failed.isEmpty() && !keys.add(key)) {
          failed = List.of(Reason.DUPLICATE_ID);
        }
        if (failed.isEmpty()) {
          landed(row);
        }
        out.add(new Verdict(table, key, failed, row));
      }
    }
    return out;
  }

  static String key(Table table, LandingRow row) {
    List<String> parts = new ArrayList<>();
    table.key().forEach(k -> parts.add(row.get(k) == null ? "" : row.get(k)));
    return String.join("|", parts);
  }

  private void landed(LandingRow row) {
    switch (row.table()) {
      case REGIONS -> validity.computeIfAbsent(row.get("code"), k -> new ArrayList<>()).add(new LocalDate[] {
          LocalDate.parse(row.get("valid_from")), row.get("valid_to") == null ? null : LocalDate.parse(row.get("valid_to"))});
      case CAMPAIGNS -> campaigns.add(row.get("campaign_code"));
      case SURVEY_WAVES -> waves.put(row.get("wave_id"), new LocalDate[] {
          LocalDate.parse(row.get("fieldwork_start")), LocalDate.parse(row.get("fieldwork_end"))});
      case SURVEY_QUESTIONS -> {
        questions.add(row.get("wave_id") + "|" + row.get("question_id"));
        questionTypes.put(row.get("wave_id") + "|" + row.get("question_id"),
            new String[] {row.get("type"), row.get("options")});
      }
      case POSTS -> posts.put(row.get("post_id"), OffsetDateTime.parse(row.get("published_at")).toInstant());
      default -> { }
    }
  }

  /** Every failing check of the row (one entry per check, like the loader's failed_checks), in Reason order. */
  private List<Reason> failures(LandingRow row) {
    Table table = row.table();
    List<Reason> failed = new ArrayList<>();
    List<Column> columns = table.columns();
    add(failed, row.extraField(), Reason.MALFORMED_ROW);
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String v = row.values()[i];
      if (v == null) {
        add(failed, c.required(), Reason.MISSING_VALUE);
        continue;
      }
      if (v.startsWith(XlsxSheet.FORMULA_WITHOUT_RESULT)) {
        failed.add(Reason.FORMULA_WITHOUT_RESULT);
        continue;
      }
      boolean indicatorValue = (table == Table.REPORT_VALUES && c.name().equals("value"))
          || (table == Table.CAMPAIGN_TARGETS && c.name().equals("target_value"));
      boolean whole = c.type() == Column.Type.COUNT || c.type() == Column.Type.MONEY
          || indicatorValue && wholeNumbers.contains(row.get("indicator"));
      if (whole && v.matches("-?\\d{1,3}(\\.\\d{3})+")) {
        failed.add(Reason.THOUSANDS_SEPARATOR);
        continue;
      }
      Object parsed = parse(c.type(), v);
      if (parsed == null) {
        add(failed, c.type() != Column.Type.STRING && c.type() != Column.Type.CODE, Reason.BAD_TYPE);
        continue;
      }
      Set<String> vocab = VOCABULARIES.get(c.name());
      add(failed, vocab != null && !vocab.contains(v), Reason.UNKNOWN_VOCABULARY);
      // Only dates of what happened are bounded (not validity bounds or campaign plans).
      if (parsed instanceof LocalDate d && RECORD_DATES.contains(table.folder() + "." + c.name())) {
        add(failed, d.isBefore(EARLIEST) || d.isAfter(LOAD_DATE), Reason.DATE_OUT_OF_RANGE);
      }
      if (parsed instanceof Double n) {
        add(failed, n < 0 && c.type() != Column.Type.WEIGHT, Reason.NEGATIVE_VALUE);
        add(failed, n <= 0 && c.type() == Column.Type.WEIGHT, Reason.NON_POSITIVE_WEIGHT);
        add(failed, n > 1 && c.type() == Column.Type.FRACTION, Reason.BAD_TYPE);
        add(failed, whole && n % 1 != 0, Reason.NOT_WHOLE_NUMBER);
      }
    }
    for (String[] pair : new String[][] {{"period_start", "period_end"}, {"start_date", "end_date"},
        {"fieldwork_start", "fieldwork_end"}, {"valid_from", "valid_to"}}) {
      add(failed, reversed(row, pair[0], pair[1]), Reason.DATE_OUT_OF_RANGE);
    }
    if (table == Table.POST_METRICS && posts.containsKey(row.get("post_id")) && row.get("observed_at") != null
        && parse(Column.Type.TIMESTAMP, row.get("observed_at")) != null) {
      add(failed, OffsetDateTime.parse(row.get("observed_at")).toInstant().isBefore(posts.get(row.get("post_id"))),
          Reason.DATE_OUT_OF_RANGE);
    }
    add(failed, (table == Table.REPORT_VALUES || table == Table.CAMPAIGN_TARGETS)
        && row.get("indicator") != null && !indicators.contains(row.get("indicator")), Reason.UNKNOWN_INDICATOR);
    if (table.column("region_code").isPresent() && row.get("region_code") != null) {
      List<LocalDate[]> units = validity.get(row.get("region_code"));
      LocalDate[] when = interval(row);
      add(failed, units == null, Reason.UNKNOWN_REGION);
      add(failed, units != null && when != null && units.stream().noneMatch(u -> !u[0].isAfter(when[1])
          && (u[1] == null || !u[1].isBefore(when[0]))), Reason.REGION_NOT_VALID_ON_DATE);
    }
    references(row).forEach(unknown -> add(failed, unknown, Reason.UNKNOWN_REFERENCE));
    answerFailures(row).forEach(failed::add);
    add(failed, table == Table.POST_METRICS && !posts.containsKey(row.get("post_id")), Reason.UNKNOWN_POST);
    if (table == Table.REGION_LINEAGE) {
      add(failed, !validity.containsKey(row.get("old_code")), Reason.UNKNOWN_REGION);
      add(failed, !validity.containsKey(row.get("new_code")), Reason.UNKNOWN_REGION);
    }
    failed.sort(java.util.Comparator.naturalOrder());
    return failed;
  }

  /**
   * A response's answer against its question (docs/surveys.md, "Checks at load"): an option of a
   * choice question (likert5 and yes_no default to 1..5 and yes/no), a number for a numeric one,
   * within min;max when its options give them.
   */
  private List<Reason> answerFailures(LandingRow row) {
    String[] q = row.table() == Table.SURVEY_RESPONSES
        ? questionTypes.get(row.get("wave_id") + "|" + row.get("question_id")) : null;
    String answer = row.table() == Table.SURVEY_RESPONSES ? row.get("answer") : null;
    if (q == null || answer == null || q[0] == null) {
      return List.of();
    }
    String given = q[1] == null || q[1].isBlank()
        ? (q[0].equals("likert5") ? "1;2;3;4;5" : q[0].equals("yes_no") ? "yes;no" : "") : q[1];
    List<String> options = java.util.Arrays.stream(given.split(";")).map(String::strip)
        .filter(o -> !o.isEmpty()).toList();
    if (!q[0].equals("numeric")) {
      return !options.isEmpty() && !options.contains(answer.strip()) ? List.of(Reason.UNKNOWN_VOCABULARY) : List.of();
    }
    try {
      double x = Double.parseDouble(answer.strip());
      boolean outside = options.size() == 2 && (x < Double.parseDouble(options.get(0))
          || x > Double.parseDouble(options.get(1)));
      return Double.isFinite(x) && !outside ? List.of() : List.of(Reason.BAD_TYPE);
    } catch (NumberFormatException e) {
      return List.of(Reason.BAD_TYPE);
    }
  }

  /** One entry per reference check: campaign; or wave, and the wave's question. */
  private List<Boolean> references(LandingRow row) {
    return switch (row.table()) {
      case ACTIVITIES -> List.of(row.get("campaign_code") != null && !campaigns.contains(row.get("campaign_code")));
      case CAMPAIGN_TARGETS -> List.of(!campaigns.contains(row.get("campaign_code")));
      case SURVEY_QUESTIONS -> List.of(!waves.containsKey(row.get("wave_id")));
      case SURVEY_RESPONSES -> List.of(!waves.containsKey(row.get("wave_id")),
          !questions.contains(row.get("wave_id") + "|" + row.get("question_id")));
      default -> List.of();
    };
  }

  /** The days a record's region must be valid on (overlap), per the team notes; null if unknown. */
  private LocalDate[] interval(LandingRow row) {
    try {
      return switch (row.table()) {
        case REPORT_VALUES -> new LocalDate[] {LocalDate.parse(row.get("period_start")),
            LocalDate.parse(row.get("period_end"))};
        case ACTIVITIES -> new LocalDate[] {LocalDate.parse(row.get("start_date")),
            LocalDate.parse(row.get("start_date"))};
        case MODELS, CAMPAIGN_TARGETS, POPULATION -> {
          int y = Integer.parseInt(row.get("year"));
          yield new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
        }
        case POSTS -> {
          LocalDate local = OffsetDateTime.parse(row.get("published_at")).atZoneSameInstant(VIETNAM).toLocalDate();
          yield new LocalDate[] {local, local};
        }
        case SURVEY_RESPONSES -> waves.get(row.get("wave_id"));
        default -> null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean reversed(LandingRow row, String start, String end) {
    if (row.table().column(start).isEmpty() || row.get(start) == null || row.get(end) == null) {
      return false;
    }
    try {
      return LocalDate.parse(row.get(end)).isBefore(LocalDate.parse(row.get(start)));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The value parsed by type (dates and timestamps as their Vietnam day); null if it does not parse. */
  static Object parse(Column.Type type, String v) {
    try {
      return switch (type) {
        case STRING, CODE -> v;
        case DATE -> LocalDate.parse(v);
        case TIMESTAMP -> OffsetDateTime.parse(v).atZoneSameInstant(VIETNAM).toLocalDate();
        case YEAR -> v.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(v), 1, 1) : null;
        case COUNT, MONEY -> v.matches("-?\\d+") ? (double) Long.parseLong(v) : null;
        default -> v.matches("-?\\d+(\\.\\d+)?") ? Double.parseDouble(v) : null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void add(List<Reason> failed, boolean condition, Reason reason) {
    if (condition) {
      failed.add(reason);
    }
  }
}
