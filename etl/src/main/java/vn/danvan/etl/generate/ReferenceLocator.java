package vn.danvan.etl.generate;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.danvan.etl.regions.AdminUnitsImport;

/**
 * Finds the folder of the public admin-unit files when {@code --reference} is not given, in the
 * order the team agreed: env {@code DANVAN_SHARED}, system property {@code danvan.shared}, then
 * {@code ../shared} from the working directory, then from the jar ({@code ROOT/etl/target/etl.jar}
 * sits three folders below {@code ROOT/..}, where {@code shared/} lives). The environment is passed
 * in, so tests can decide what exists.
 */
final class ReferenceLocator {
  static final String SUFFIX = "reference/admin-units";

  private final Map<String, String> env;
  private final String sharedProperty;
  private final Path workingDir;
  private final Path codeDir;
  private final Predicate<Path> holdsFiles;

  ReferenceLocator(Map<String, String> env, String sharedProperty, Path workingDir, Path codeDir,
      Predicate<Path> holdsFiles) {
    this.env = Map.copyOf(env);
    this.sharedProperty = sharedProperty;
    this.workingDir = workingDir;
    this.codeDir = codeDir;
    this.holdsFiles = holdsFiles;
  }

  /** The locator of this process: its environment, properties, working directory and jar. */
  static ReferenceLocator ofProcess() {
    return new ReferenceLocator(System.getenv(), System.getProperty("danvan.shared"),
        Path.of("").toAbsolutePath(), codeDir(), AdminUnitsImport::present);
  }

  /** Candidate folders in order of preference, each with where it came from. */
  List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    String shared = env.get("DANVAN_SHARED");
    if (shared != null && !shared.isBlank()) {
      out.add(new Candidate(Path.of(shared).resolve(SUFFIX), "env DANVAN_SHARED"));
    }
    if (sharedProperty != null && !sharedProperty.isBlank()) {
      out.add(new Candidate(Path.of(sharedProperty).resolve(SUFFIX), "system property danvan.shared"));
    }
    if (workingDir != null) {
      out.add(new Candidate(workingDir.resolve("../shared").resolve(SUFFIX).normalize(),
          "../shared from the working directory"));
    }
    if (codeDir != null) {
      out.add(new Candidate(codeDir.resolve("../../../shared").resolve(SUFFIX).normalize(),
          "../shared from the jar"));
    }
    return out;
  }

  /** The first candidate that holds the three files, if any. */
  Optional<Candidate> find() {
    return candidates().stream().filter(c -> holdsFiles.test(c.dir())).findFirst();
  }

  /** A folder that may hold the reference, and which rule proposed it. */
  record Candidate(Path dir, String origin) {}

  /** The folder holding the jar (or the classes folder) this class was loaded from. */
  private static Path codeDir() {
    try {
      var source = GenerateCommand.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      return location.getParent();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
