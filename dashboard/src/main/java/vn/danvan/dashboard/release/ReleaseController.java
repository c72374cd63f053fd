package vn.danvan.dashboard.release;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.warehouse.query.NotFoundException;

/**
 * {@code GET /api/releases} and {@code /api/releases/{name}}: the releases a page may open with
 * {@code release=NAME}, for its banner and citation. Any signed-in account may list them (a release
 * holds no figure; reading one goes through the reader's scope). Releases are made only on the
 * server ({@code bin/danvan release create}, an admin's act recorded in the audit trail).
 */
public final class ReleaseController {
  private final Releases releases;

  public ReleaseController(Releases releases) {
    this.releases = Objects.requireNonNull(releases, "releases");
  }

  public void list(Context ctx) {
    ctx.json(new ReleaseJson.ReleaseList(releases.list().stream().map(ReleaseJson::of).toList()));
  }

  public void get(Context ctx) {
    String name = ctx.pathParam("name");
    ctx.json(ReleaseJson.of(releases.find(name).orElseThrow(() -> unknown(releases, name))));
  }

  /** A 404 naming the releases there are (never the server's folders). */
  static NotFoundException unknown(Releases releases, String name) {
    String names = releases.list().stream().map(Release::name).collect(Collectors.joining(", "));
    return new NotFoundException("release", "no release named '" + name + "' (releases: "
        + (names.isEmpty() ? "none" : names) + ")");
  }
}
