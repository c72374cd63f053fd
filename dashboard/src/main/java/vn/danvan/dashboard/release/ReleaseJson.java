package vn.danvan.dashboard.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import vn.danvan.contract.release.Release;

/**
 * A release as the API describes it (the fields of {@code release.json}): what a page's banner and
 * a citation name.
 */
public record ReleaseJson(
    @JsonProperty("name") String name,
    @JsonProperty("title") String title,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("files") int files,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("manifest_sha256") String manifestSha256) {

  public static ReleaseJson of(Release r) {
    return new ReleaseJson(r.name(), r.title(), r.snapshot(), r.createdAt().toString(), r.createdBy(), r.files(),
        r.bytes(), r.manifestSha256());
  }

  /** The answer of {@code GET /api/releases}: every release, oldest first. */
  public record ReleaseList(@JsonProperty("releases") List<ReleaseJson> releases) {
    public ReleaseList {
      releases = List.copyOf(releases);
    }
  }
}
