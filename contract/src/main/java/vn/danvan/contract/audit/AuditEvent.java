package vn.danvan.contract.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what to what, from where, and how it ended.
 *
 * @param time when the action ended
 * @param login the account (for a failed login: the login typed; null when none was given)
 * @param role the account's role, null when not authenticated
 * @param scope the account's region scope, null when not authenticated
 * @param address the client's IP address ({@code cli} for a command run on the server)
 * @param action what was done, one of {@link Action}
 * @param target what it was done to: the path and query of a download, the account changed...
 * @param outcome {@code ok}, {@code denied}, {@code failed} or {@code throttled}
 * @param rows rows handed out (downloads), null when it does not apply
 */
public record AuditEvent(Instant time, String login, String role, String scope, String address,
    Action action, String target, String outcome, Long rows) {
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The actions the trail records. */
  public enum Action {
    LOGIN, LOGIN_FAILED, LOGOUT, DOWNLOAD, REVIEW_PACK, ACCESS_DENIED,
    ACCOUNT_ADD, ACCOUNT_PASSWD, ACCOUNT_DISABLE, ACCOUNT_TOKEN, IMPORT, RELEASE, SUBMISSION,
    CLEANUP, UPLOAD, DRY_RUN, TEMPLATE;

    /** The action as written in the trail: lower case, e.g. {@code login_failed}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
