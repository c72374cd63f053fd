package vn.danvan.contract.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import vn.danvan.contract.Column;
import vn.danvan.contract.PersonalData;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.Failure;
import vn.danvan.contract.checks.HeaderCheck;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.checks.LandingText;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.contract.checks.RowCheck;

/**
 * Checks uploaded files the way the load would, without storing anything: each file is read as
 * the load reads it ({@link SheetReader}), its header goes through {@link HeaderCheck} (personal
 * data or a missing column refuses the file whole), every row through {@link RowCheck} (the load's
 * row rules), then the load's checks against the served snapshot (region codes known and valid on
 * the record's dates, campaigns known) and against the rows above it (a key already used by a row
 * that lands), and finally the sender's scope: a row for a unit outside it is a problem the load
 * would not see, and may not be sent.
 */
public final class DryRun {
  private DryRun() {}

  /** The tables people fill in by hand, the ones the intake receives. */
  public static final Set<Table> TABLES =
      EnumSet.of(Table.CAMPAIGN_TARGETS, Table.REPORT_VALUES, Table.ACTIVITIES, Table.MODELS);

  /**
   * One file to check. {@code table} may be null: then the folder the file sits in names it (as in
   * a landing folder), else its header does.
   */
  public record Input(Path path, String name, Table table) {
    public Input {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name of " + path);
    }

    public static Input of(Path path) {
      return new Input(path, path.getFileName().toString(), null);
    }
  }

  /**
   * What rows are checked against: the served snapshot's regions and campaigns, the catalogue's
   * indicators, the load date, and the sender's scope ({@code scope} names it in messages).
   */
  public record Served(RegionValidity regions, Set<String> campaigns, Indicators indicators,
      LocalDate asOf, String scope, Predicate<String> inScope) {
    public Served {
      Objects.requireNonNull(regions, "regions");
      campaigns = Set.copyOf(campaigns);
      Objects.requireNonNull(indicators, "indicators");
      Objects.requireNonNull(asOf, "asOf");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(inScope, "inScope");
    }
  }

  /** The verdict on one file: refused whole (with the reason), or its rows and their problems. */
  public record FileResult(String file, Table table, int rows, Problem refusal, List<Problem> problems) {
    public FileResult {
      problems = List.copyOf(problems);
    }

    public boolean refused() {
      return refusal != null;
    }

    /** Rows with at least one problem. */
    public int rowsWithProblems() {
      return (int) problems.stream().mapToInt(Problem::row).distinct().count();
    }
  }

  /** The verdict on every file of one dry run. */
  public record Result(List<FileResult> files) {
    public Result {
      files = List.copyOf(files);
    }

    /** Every problem, the refusals first per file, in file and row order. */
    public List<Problem> problems() {
      List<Problem> all = new ArrayList<>();
      for (FileResult f : files) {
        if (f.refused()) {
          all.add(f.refusal());
        }
        all.addAll(f.problems());
      }
      return all;
    }

    public boolean anyRefused() {
      return files.stream().anyMatch(FileResult::refused);
    }

    /** 0 clean, 1 with row problems, 2 when a file is refused whole (the command's exit code). */
    public int exitCode() {
      return anyRefused() ? 2 : problems().isEmpty() ? 0 : 1;
    }
  }

  /** Checks the files in the order given (the order decides which copy of a repeated key came first). */
  public static Result check(List<Input> inputs, Served served) {
    List<FileResult> results = new ArrayList<>();
    Map<Table, Set<List<Object>>> landedKeys = new HashMap<>();
    for (Input input : inputs) {
      results.add(checkFile(input, served, landedKeys));
    }
    return new Result(results);
  }

  private static FileResult checkFile(Input input, Served served,
      Map<Table, Set<List<Object>>> landedKeys) {
    SheetReader.Format format = SheetReader.format(input.name());
    if (format == null) {
      return refused(input, null, null, "format", "Chỉ nhận tệp CSV (.csv), JSON Lines (.jsonl) hoặc"
          + " Excel (.xlsx).");
    }
    Sheet sheet;
    try {
      sheet = SheetReader.read(input.path(), format);
    } catch (SheetReader.UnreadableException e) {
      return refused(input, null, null, "unreadable", e.getMessage());
    }
    Table table = input.table() != null ? input.table() : TableGuess.of(input.path(), sheet.header());
    if (table == null) {
      Optional<String> personal = sheet.header().stream()
          .filter(h -> TABLES.stream().allMatch(t -> PersonalData.violation(t, h).isPresent())).findFirst();
      return personal.isPresent() ? personalData(input, sheet, Table.REPORT_VALUES, personal.get())
          : refused(input, sheet.sheet(), null, "table", "Không nhận ra tệp thuộc bảng nào: dòng tiêu đề"
              + " phải là dòng tiêu đề của một mẫu (" + String.join(", ", TABLES.stream().map(Table::folder).toList())
              + "). Hãy tải mẫu trên trang này và chép số liệu vào đó.");
    }
    if (!TABLES.contains(table)) {
      return refused(input, sheet.sheet(), table, "table", "Bảng " + table.folder() + " không nhận qua"
          + " trang nạp số liệu.");
    }
    Map<String, String> mapping;
    try {
      mapping = HeaderCheck.mapping(table, sheet.header());
    } catch (HeaderCheck.RefusedException e) {
      Optional<String> personal = sheet.header().stream()
          .filter(h -> PersonalData.violation(table, h).isPresent()).findFirst();
      return personal.isPresent() ? personalData(input, sheet, table, personal.get())
          : refused(input, sheet.sheet(), table, "header", "Dòng tiêu đề không khớp bảng " + table.folder()
              + " (" + e.getMessage() + "); hãy dùng đúng dòng tiêu đề của mẫu.");
    }
    Set<List<Object>> keys = landedKeys.computeIfAbsent(table, t -> new HashSet<>());
    List<Problem> problems = new ArrayList<>();
    for (Sheet.Line line : sheet.lines()) {
      Map<String, String> row = new HashMap<>();
      mapping.forEach((column, source) -> row.put(column, line.cells().get(source)));
      if (line.malformed() != null) {
        row.put(RowCheck.MALFORMED, line.malformed());
      }
      List<Failure> failures = new ArrayList<>(failures(table, row, served));
      // a key is taken by the first row with it that lands; later rows with it are duplicates
      List<Object> key = key(table, row);
      if (key != null && keys.contains(key)) {
        failures.add(duplicate(table, row));
      } else if (key != null && failures.isEmpty()) {
        keys.add(key);
      }
      // a line that could not be split fails every check of its empty cells too: one problem says it
      List<Failure> shown = line.malformed() != null && !failures.isEmpty() ? failures.subList(0, 1) : failures;
      for (Failure f : shown) {
        problems.add(new Problem(input.name(), sheet.sheet(), line.row(), rowKey(table, row), f.column(), f.value(),
            f.reason().code(), f.check(), Explanations.of(f.reason(), table, f.column(), f.value())));
      }
      String region = LandingText.clean(row.get("region_code"));
      if (region != null && failures.stream().noneMatch(f -> f.reason() == Reason.UNKNOWN_REGION)
          && !served.inScope().test(region)) {
        problems.add(new Problem(input.name(), sheet.sheet(), line.row(), rowKey(table, row), "region_code", row.get("region_code"),
            Problem.OUTSIDE_SCOPE, Problem.OUTSIDE_SCOPE + ":region_code",
            Explanations.outsideScope(region, served.scope())));
      }
    }
    return new FileResult(input.name(), table, sheet.lines().size(), null, problems);
  }

  /**
   * The load's failed checks of one row, in the order of {@code failed_checks}: the row rules, then
   * the checks against the snapshot, sorted by reason (a stable sort, as the load's).
   */
  static List<Failure> failures(Table table, Map<String, String> row, Served served) {
    List<Failure> all = new ArrayList<>(RowCheck.check(table, row, served.asOf(), served.indicators()));
    if (table.column("campaign_code").isPresent()) {
      String campaign = LandingText.clean(row.get("campaign_code"));
      if (campaign != null && !served.campaigns().contains(campaign)) {
        all.add(new Failure(Reason.UNKNOWN_REFERENCE.code() + ":campaign_code", Reason.UNKNOWN_REFERENCE,
            "campaign_code", row.get("campaign_code")));
      }
    }
    String region = LandingText.clean(row.get("region_code"));
    LocalDate[] interval = interval(table, row);
    Integer status = served.regions().status(region, interval[0], interval[1]);
    if (status != null && status == RegionValidity.UNKNOWN) {
      all.add(new Failure(Reason.UNKNOWN_REGION.code() + ":region_code", Reason.UNKNOWN_REGION,
          "region_code", row.get("region_code")));
    } else if (status != null && status == RegionValidity.NOT_VALID_ON_DATE) {
      all.add(new Failure(Reason.REGION_NOT_VALID_ON_DATE.code() + ":region_code",
          Reason.REGION_NOT_VALID_ON_DATE, "region_code", row.get("region_code")));
    }
    all.sort(Comparator.comparingInt(f -> f.reason().ordinal()));
    return all;
  }

  /** The record's first and last day ({@link RegionValidity#recordInterval}); nulls when unknown. */
  private static LocalDate[] interval(Table table, Map<String, String> row) {
    List<String> columns = RegionValidity.recordInterval(table);
    if (columns.size() == 1) {
      Integer year = (Integer) typed(table, columns.get(0), row);
      return year == null || year < 1 ? new LocalDate[2]
          : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }
    return new LocalDate[] {(LocalDate) typed(table, columns.get(0), row),
        (LocalDate) typed(table, columns.get(1), row)};
  }

  private static Object typed(Table table, String column, Map<String, String> row) {
    Column c = table.column(column).orElseThrow();
    return LandingText.value(c, LandingText.clean(row.get(column)), LandingText.foldsCase(table, column));
  }

  /** The row's key as the load compares it (typed); null when a part is unknown (never a duplicate). */
  private static List<Object> key(Table table, Map<String, String> row) {
    List<Object> key = new ArrayList<>();
    for (String k : table.key()) {
      Object v = typed(table, k, row);
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    return key;
  }

  private static Failure duplicate(Table table, Map<String, String> row) {
    return new Failure(Reason.DUPLICATE_ID.code() + ":" + String.join("+", table.key()), Reason.DUPLICATE_ID,
        table.key().get(0), rowKey(table, row));
  }

  /** The key columns as written, joined by {@code |}, as the quarantine's {@code row_key}. */
  private static String rowKey(Table table, Map<String, String> row) {
    return String.join("|", table.key().stream().map(k -> Objects.requireNonNullElse(row.get(k), "")).toList());
  }

  private static FileResult refused(Input input, String sheet, Table table, String check, String reason) {
    return new FileResult(input.name(), table, 0,
        new Problem(input.name(), sheet, 0, null, null, null, Problem.REFUSED, check, reason), List.of());
  }

  private static FileResult personalData(Input input, Sheet sheet, Table table, String column) {
    String what = PersonalData.violation(table, column).orElseThrow();
    return refused(input, sheet.sheet(), table, "personal_data:" + column, "Cột «" + column + "» trông giống "
        + PersonalNames.vietnamese(what) + " của người dân; kho số liệu không bao giờ lưu dữ liệu cá nhân nên"
        + " cả tệp bị từ chối, không dòng nào được nhận. Hãy xoá cột này rồi gửi lại.");
  }
}
