package vn.danvan.contract.release;

import java.time.Instant;
import java.util.Objects;

/**
 * A named release: the snapshot it pins, its title, when and by whom it was frozen, and the
 * manifest's size and checksum (the SHA-256 of {@code manifest.tsv}, the one figure that stands for
 * every file of the release, printed in the review pack's metadata).
 */
public record Release(String name, String title, String snapshot, Instant createdAt, String createdBy,
    int files, long bytes, String manifestSha256) {
  public Release {
    Releases.requireName(name);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
  }
}
