package vn.danvan.dashboard.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who is signed in, as the pages show it in their header.
 *
 * @param login the account's login
 * @param role viewer, analyst, reporter or admin
 * @param scope the region the account may see: {@code VN} or a GSO code
 * @param mustChange true while the password is a one-time password to be changed first
 * @param csrf the token to send as {@code X-CSRF-Token} on every POST of this session (absent for
 *     a bearer token and in the login's own answer)
 */
public record SessionJson(String login, String role, String scope, @JsonProperty("must_change") boolean mustChange,
    @JsonInclude(JsonInclude.Include.NON_NULL) String csrf) {

  static SessionJson of(Account account, String csrf) {
    return new SessionJson(account.login(), account.role().code(), account.scope().rootCode(), account.mustChange(),
        csrf);
  }

  /** The answer of {@code POST /api/logout}: whose session ended. */
  public record SignedOut(String login) {}
}
