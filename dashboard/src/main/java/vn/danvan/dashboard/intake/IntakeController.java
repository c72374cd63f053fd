package vn.danvan.dashboard.intake;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import vn.danvan.contract.Table;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.dashboard.QueryParams;
import vn.danvan.dashboard.access.AccessAudit;
import vn.danvan.dashboard.access.AuthGate;
import vn.danvan.dashboard.access.Caller;
import vn.danvan.dashboard.access.Role;
import vn.danvan.warehouse.intake.Template;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * {@code /api/intake/...}: the template of a table for the caller's scope, the dry run of uploaded
 * files, sending them as a submission, the caller's submissions, and (admins) starting the load of
 * the pending ones in its own process. Uploads are written to a private temporary folder that is
 * removed when the request ends; only a submission keeps them, unchanged, beside the lake. Every
 * upload, dry run, template and submission is in the audit trail.
 */
public final class IntakeController {
  /** The multipart field holding the files. */
  public static final String FILES = "files";
  /** At most this many files in one request. */
  static final int MAX_FILES = 20;

  private final Intake intake;
  private final Submissions submissions;
  private final AccessAudit audit;
  private final Clock clock;
  private final LoadLauncher launcher;

  public IntakeController(Intake intake, Submissions submissions, AccessAudit audit, Clock clock,
      LoadLauncher launcher) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.submissions = Objects.requireNonNull(submissions, "submissions");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  /** {@code GET /api/intake/template?table=&year=}: the workbook for the caller's scope. */
  public void template(Context ctx) throws IOException {
    Caller caller = AuthGate.caller(ctx);
    Table table = table(ctx.queryParam("table"), true);
    OptionalInt year = QueryParams.optionalYear(ctx, "year");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    intake.template(table, caller.scope(), year, out);
    audit.action(ctx, Action.TEMPLATE, "template " + table.folder(), "ok", null);
    ctx.header("Content-Disposition", "attachment; filename=\"" + table.folder() + "-"
        + caller.scope().rootCode() + ".xlsx\"");
    ctx.contentType(Template.MEDIA_TYPE).result(out.toByteArray());
  }

  /** {@code POST /api/intake/check} (multipart {@code files}, optional {@code table}): the dry run. */
  public void check(Context ctx) throws IOException {
    try (Uploads uploads = Uploads.of(ctx, audit)) {
      DryRun.Result result = dryRun(ctx, uploads);
      ctx.json(IntakeJson.Check.of(AuthGate.caller(ctx).scope().rootCode(), result));
    }
  }

  /**
   * {@code POST /api/intake/submit} (multipart {@code files}, optional {@code table}, {@code accept}):
   * the files checked again and, when nothing is refused and no row is outside the scope (other
   * problems only with {@code accept=true}: the load will quarantine those rows), stored as a
   * submission.
   */
  public void submit(Context ctx) throws IOException {
    Caller caller = AuthGate.caller(ctx);
    boolean accept = "true".equals(ctx.formParam("accept"));
    try (Uploads uploads = Uploads.of(ctx, audit)) {
      DryRun.Result result = dryRun(ctx, uploads);
      IntakeJson.Check check = IntakeJson.Check.of(caller.scope().rootCode(), result);
      String refusal = !check.sendable() ? "the files cannot be sent: a file is refused whole or a row is"
          + " outside your scope (" + caller.scope().rootCode() + "); POST /api/intake/check lists them"
          : check.problems() > 0 && !accept ? "accept: " + check.problems() + " problem(s); send with"
              + " accept=true to leave those rows to the quarantine" : null;
      if (refusal != null) {
        audit.action(ctx, Action.SUBMISSION, "submit " + uploads.names(), "refused", null);
        throw new InvalidParameterException("files", refusal);
      }
      List<Path> named = new ArrayList<>();
      Set<String> taken = new HashSet<>();
      for (int i = 0; i < result.files().size(); i++) {
        named.add(uploads.namedFor(i, result.files().get(i).table(), taken));
      }
      Submission s = submissions.submit(named, caller.login(), caller.scope().rootCode(), clock.instant(),
          check.problems());
      audit.action(ctx, Action.SUBMISSION, "submission " + s.id() + " " + uploads.names(), "ok",
          (long) result.files().stream().mapToInt(DryRun.FileResult::rows).sum());
      ctx.status(HttpStatus.CREATED).json(IntakeJson.SubmissionJson.of(s));
    }
  }

  /**
   * {@code GET /api/intake/submissions}: the caller's submissions, every one for an admin, and (for
   * an admin) the {@code load --submissions --watch} running on the lake, which loads them unasked.
   */
  public void list(Context ctx) {
    Caller caller = AuthGate.caller(ctx);
    boolean admin = caller.may(Role.ADMIN);
    List<Submission> all = admin ? submissions.list() : submissions.bySubmitter(caller.login());
    ctx.json(new IntakeJson.Submissions(all.stream()
        .sorted(Comparator.comparing(Submission::submittedAt).reversed())
        .map(IntakeJson.SubmissionJson::of).toList(),
        admin ? launcher.watcher().map(IntakeJson.Watcher::of).orElse(null) : null));
  }

  /** {@code POST /api/intake/load} (admins): starts {@code danvan load --submissions} in its own process. */
  public void load(Context ctx) throws IOException {
    int pending = submissions.pending().size();
    LoadLauncher.Started started = launcher.start();
    audit.action(ctx, Action.SUBMISSION, "load --submissions (" + pending + " pending)", "started", null);
    ctx.status(HttpStatus.ACCEPTED).json(new IntakeJson.LoadStarted(pending, started.command(),
        started.log().toString()));
  }

  private DryRun.Result dryRun(Context ctx, Uploads uploads) {
    Table table = table(ctx.formParam("table"), false);
    List<DryRun.Input> inputs = uploads.files().stream()
        .map(f -> new DryRun.Input(f, f.getFileName().toString(), table)).toList();
    DryRun.Result result = intake.check(inputs, AuthGate.caller(ctx).scope());
    long rows = result.files().stream().mapToInt(DryRun.FileResult::rows).sum();
    audit.action(ctx, Action.DRY_RUN, "dry run " + uploads.names(), result.exitCode() == 0 ? "ok"
        : result.anyRefused() ? "refused" : "problems", rows);
    return result;
  }

  private static Table table(String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw new InvalidParameterException("table", "table: one of " + tables());
      }
      return null;
    }
    return Table.forFolder(text).filter(DryRun.TABLES::contains)
        .orElseThrow(() -> new InvalidParameterException("table", "table: one of " + tables() + ", not '" + text + "'"));
  }

  private static String tables() {
    return String.join(", ", DryRun.TABLES.stream().map(Table::folder).toList());
  }

  /** The request's uploaded files in a private temporary folder, removed on close. */
  private static final class Uploads implements AutoCloseable {
    private final Path dir;
    private final List<Path> files;

    private Uploads(Path dir, List<Path> files) {
      this.dir = dir;
      this.files = files;
    }

    static Uploads of(Context ctx, AccessAudit audit) throws IOException {
      List<UploadedFile> uploaded = ctx.uploadedFiles(FILES);
      if (uploaded.isEmpty()) {
        throw new InvalidParameterException(FILES, FILES + ": send one or more files (multipart/form-data)");
      }
      if (uploaded.size() > MAX_FILES) {
        throw new InvalidParameterException(FILES, FILES + ": at most " + MAX_FILES + " files at once, not "
            + uploaded.size());
      }
      Path dir = Files.createTempDirectory("danvan-intake-");
      List<Path> files = new ArrayList<>();
      Set<String> names = new HashSet<>();
      try {
        for (UploadedFile u : uploaded) {
          String name = safeName(u.filename(), names);
          Path target = dir.resolve(name);
          try (InputStream in = u.content()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          files.add(target);
          audit.action(ctx, Action.UPLOAD, "upload " + name + " (" + u.size() + " bytes)", "ok", null);
        }
      } catch (IOException | RuntimeException e) {
        delete(dir);
        throw e;
      }
      return new Uploads(dir, files);
    }

    List<Path> files() {
      return files;
    }

    String names() {
      return String.join(",", files.stream().map(f -> f.getFileName().toString()).toList());
    }

    /**
     * The i-th file under a name that starts with its table, as a submission's files must
     * ({@link Submissions#tableOf}); a file already so named keeps its name.
     */
    Path namedFor(int i, Table table, Set<String> taken) throws IOException {
      Path file = files.get(i);
      String name = file.getFileName().toString();
      if (Submissions.tableOf(name).filter(table::equals).isPresent() && taken.add(name)) {
        return file;
      }
      String renamed = table.folder() + "-" + name;
      for (int n = 2; !taken.add(renamed); n++) {
        renamed = table.folder() + "-" + n + "-" + name;
      }
      Path target = dir.resolve("named").resolve(renamed);
      Files.createDirectories(target.getParent());
      return Files.copy(file, target);
    }

    /** The file's own name without any folder, in safe characters, unique in this request. */
    private static String safeName(String uploaded, Set<String> names) {
      String base = uploaded == null ? "" : uploaded.replace('\\', '/');
      base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
      while (base.startsWith(".") || base.startsWith("_")) {
        base = base.substring(1);
      }
      if (base.isEmpty()) {
        throw new InvalidParameterException(FILES, FILES + ": a file without a name");
      }
      String name = base;
      for (int n = 2; !names.add(name); n++) {
        name = n + "-" + base;
      }
      return name;
    }

    @Override
    public void close() {
      delete(dir);
    }

    private static void delete(Path dir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is removed with the system's temporary files
      }
    }
  }

  /** Thrown when the server cannot start a load itself (no project folder to run it from). */
  static HttpResponseException unavailable(String message) {
    return new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), message);
  }
}
