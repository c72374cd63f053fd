package vn.danvan.contract.release;

import java.util.Objects;

/** One file of a release: its path inside the snapshot folder ({@code /}-separated), size and SHA-256. */
public record ManifestEntry(String path, long bytes, String sha256) {
  public ManifestEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }

  String line() {
    return sha256 + "\t" + bytes + "\t" + path;
  }

  static ManifestEntry parse(String line) {
    String[] parts = line.split("\t", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a manifest line: '" + line + "'");
    }
    return new ManifestEntry(parts[2], Long.parseLong(parts[1]), parts[0]);
  }
}
