package vn.danvan.contract.intake;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.Table;

/**
 * Files a person submitted for loading, as {@link Submissions} keeps them, and where they stand.
 *
 * @param id the submission's id: derived from the files' contents, so the same files submitted
 *     twice are the same submission
 * @param submitter the login of the account that submitted it ({@code os:<user>} from the command line)
 * @param scope the submitter's region scope when it submitted
 * @param acceptedProblems how many problems the dry run found that the submitter chose to leave
 *     to quarantine
 * @param files the files, in the order submitted
 * @param state derived: {@link SubmissionState}
 * @param snapshot the snapshot that loaded it; null unless loaded
 * @param counts its rows per table in that load; empty unless loaded
 * @param refusal why a load refused it whole; null unless refused
 */
public record Submission(String id, String submitter, String scope, Instant submittedAt,
    int acceptedProblems, List<File> files, SubmissionState state, String snapshot,
    Map<Table, RowCounts> counts, String refusal) {

  /** One submitted file: its name as uploaded, the table it is for, its SHA-256 (hex) and size. */
  public record File(String name, Table table, String sha256, long bytes) {
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table of " + name);
      Objects.requireNonNull(sha256, "sha256 of " + name);
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes of " + name + ": " + bytes);
      }
    }
  }

  public Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(submitter, "submitter of " + id);
    Objects.requireNonNull(scope, "scope of " + id);
    Objects.requireNonNull(submittedAt, "submittedAt of " + id);
    files = List.copyOf(files);
    Objects.requireNonNull(state, "state of " + id);
    Map<Table, RowCounts> c = new EnumMap<>(Table.class);
    c.putAll(Objects.requireNonNull(counts, "counts of " + id));
    counts = java.util.Collections.unmodifiableMap(c);
    if ((state == SubmissionState.LOADED) != (snapshot != null)) {
      throw new IllegalArgumentException(id + ": a snapshot exactly when loaded");
    }
    if ((state == SubmissionState.REFUSED) != (refusal != null)) {
      throw new IllegalArgumentException(id + ": a refusal exactly when refused");
    }
  }

  /** Its rows over all tables in the load that loaded it (zeros unless loaded). */
  public RowCounts total() {
    return counts.values().stream().reduce(new RowCounts(0, 0, 0), RowCounts::plus);
  }

  /** The snapshot that loaded it. */
  public Optional<String> loadedInto() {
    return Optional.ofNullable(snapshot);
  }

  /** The same submission in another state (what {@link Submissions} derives). */
  Submission in(SubmissionState newState, String newSnapshot, Map<Table, RowCounts> newCounts,
      String newRefusal) {
    return new Submission(id, submitter, scope, submittedAt, acceptedProblems, files, newState,
        newSnapshot, newCounts, newRefusal);
  }
}
