package vn.danvan.dashboard.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.contract.intake.Problem;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.SubmissionWatcher;

/** The JSON answers of {@code /api/intake/...}. */
public final class IntakeJson {
  private IntakeJson() {}

  /**
   * A dry run's answer.
   *
   * @param refused whether a file is refused whole (nothing of it can be sent)
   * @param sendable whether the files may be sent: nothing refused and no row outside the scope
   *     (other problems only when the sender accepts them into quarantine)
   */
  public record Check(
      @JsonProperty("scope") String scope,
      @JsonProperty("files") List<FileCheck> files,
      @JsonProperty("problems") int problems,
      @JsonProperty("refused") boolean refused,
      @JsonProperty("sendable") boolean sendable) {

    static Check of(String scope, DryRun.Result result) {
      List<FileCheck> files = result.files().stream().map(f -> new FileCheck(f.file(),
          f.table() == null ? null : f.table().folder(), f.rows(), f.refusal(), f.problems())).toList();
      boolean sendable = !result.anyRefused()
          && result.problems().stream().allMatch(Problem::quarantinable);
      return new Check(scope, files, result.problems().size(), result.anyRefused(), sendable);
    }
  }

  /** One file of a dry run: its table, rows, the refusal of the whole file (or null) and its problems. */
  public record FileCheck(
      @JsonProperty("file") String file,
      @JsonProperty("table") String table,
      @JsonProperty("rows") int rows,
      @JsonProperty("refusal") Problem refusal,
      @JsonProperty("problems") List<Problem> problems) {}

  /** A submission as its submitter (or an admin) sees it. */
  public record SubmissionJson(
      @JsonProperty("id") String id,
      @JsonProperty("submitter") String submitter,
      @JsonProperty("scope") String scope,
      @JsonProperty("submitted_at") String submittedAt,
      @JsonProperty("files") List<String> files,
      @JsonProperty("accepted_problems") int acceptedProblems,
      @JsonProperty("state") String state,
      @JsonProperty("snapshot") String snapshot,
      @JsonProperty("read") Long read,
      @JsonProperty("landed") Long landed,
      @JsonProperty("quarantined") Long quarantined,
      @JsonProperty("refusal") String refusal) {

    static SubmissionJson of(Submission s) {
      RowCounts total = s.snapshot() == null ? null : s.total();
      return new SubmissionJson(s.id(), s.submitter(), s.scope(), s.submittedAt().toString(),
          s.files().stream().map(Submission.File::name).toList(), s.acceptedProblems(), s.state().code(),
          s.snapshot(), total == null ? null : total.read(), total == null ? null : total.landed(),
          total == null ? null : total.quarantined(), s.refusal());
    }
  }

  /**
   * The submissions a caller may see, newest first; for an admin, the watcher running on the lake
   * (absent when none runs, and for everyone else).
   */
  public record Submissions(@JsonProperty("submissions") List<SubmissionJson> submissions,
      @JsonProperty("watcher") @JsonInclude(JsonInclude.Include.NON_NULL) Watcher watcher) {}

  /**
   * A running {@code load --submissions --watch}: its process id and when it started (ISO-8601
   * UTC); both null in the moment it is starting, before it has written them.
   */
  public record Watcher(@JsonProperty("pid") Long pid, @JsonProperty("since") String since) {
    static Watcher of(SubmissionWatcher.Running running) {
      return running.pid() < 0 ? new Watcher(null, null) : new Watcher(running.pid(), running.since().toString());
    }
  }

  /** The answer to the admin's "load the pending submissions". */
  public record LoadStarted(@JsonProperty("pending") int pending, @JsonProperty("command") String command,
      @JsonProperty("log") String log) {}
}
