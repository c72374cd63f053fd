package vn.danvan.contract.release;

import java.util.List;

/**
 * What {@link Releases#verify} found: the files checked and every difference from the manifest
 * ({@code changed: PATH}, {@code missing: PATH}, {@code added: PATH}), none when the release holds.
 */
public record Verification(Release release, int checked, List<String> problems) {
  public Verification {
    problems = List.copyOf(problems);
  }

  public boolean holds() {
    return problems.isEmpty();
  }
}
