package vn.danvan.contract.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.danvan.contract.Lake;

/**
 * The {@code --lake DIR} option of every command ({@code @Mixin LakeOption lake;}), with the one
 * default: {@code $DANVAN_LAKE}, else {@code ./data/lake} ({@link Lake#folder}).
 */
public final class LakeOption {
  @Option(names = "--lake", paramLabel = "DIR",
      description = "the lake folder (default: $" + Lake.LAKE_ENV + ", else ./data/lake)")
  private Path option;

  /** The lake folder, with this process's environment. */
  public Path folder() {
    return folder(System.getenv());
  }

  /** The lake folder, with {@code env} standing for the environment. */
  public Path folder(Map<String, String> env) {
    return Lake.folder(option, env);
  }
}
