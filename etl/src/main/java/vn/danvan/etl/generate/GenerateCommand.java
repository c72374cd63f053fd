package vn.danvan.etl.generate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.danvan.etl.regions.AdminUnitsImport;

/**
 * {@code danvan generate}: a demo landing folder with every table of the data contract, calibrated
 * on real report figures, crossing the 2025-07-01 boundary change, with about 0.5 % of the rows of
 * each fact table planted bad in each applicable way and listed in {@code OUT/_planted.csv}.
 * Exit 0 on success, 2 on bad arguments.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Writes a demo landing folder: every contract table, every province, district and commune,",
        "old units before 2025-07-01 and new ones after; CSV, JSON Lines and XLSX; planted bad rows",
        "listed in OUT/_planted.csv (table,row_key,reason) and a summary in OUT/_manifest.json.",
        "Same arguments give byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "landing folder to write (created; existing table folders are replaced)")
  Path out;

  @Option(names = "--years", paramLabel = "FROM-TO", defaultValue = "2015-2025",
      description = "years to cover, e.g. 2015-2025 or 2024, within 2009-2025 (default: ${DEFAULT-VALUE})")
  String years;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
      description = "volume factor, decimals allowed (1 = about 1.5 million rows for 11 years;"
          + " default: ${DEFAULT-VALUE})")
  double scale;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--format", paramLabel = "mixed|csv", defaultValue = "mixed",
      description = "mixed: CSV, JSON Lines and XLSX; csv: every file CSV (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--snapshots", paramLabel = "sparse|hourly", defaultValue = "sparse",
      description = "post_metrics cadence: sparse (1-4 per post) or hourly (hourly for a day, then daily to"
          + " day 30: 53 per post, ~10 M rows per scale unit; default: ${DEFAULT-VALUE})")
  String snapshots;

  @Option(names = "--reference", paramLabel = "DIR",
      description = "folder of the public admin-unit JSON files (default: $DANVAN_SHARED, -Ddanvan.shared,"
          + " ../shared or ../shared next to the jar, + /" + ReferenceLocator.SUFFIX
          + "; synthetic units when none exists)")
  Path reference;

  @Override
  public Integer call() throws Exception {
    GenerateConfig config = config(ReferenceLocator.ofProcess());
    PrintWriter console = spec.commandLine().getOut();
    new Generator(config, console).run();
    console.flush();
    return 0;
  }

  /** The arguments as a config; a {@link ParameterException} (exit 2) when they are not usable. */
  GenerateConfig config(ReferenceLocator locator) {
    try {
      int[] range = GenerateConfig.parseYears(years);
      GenerateConfig.Format f = GenerateConfig.Format.parse(format);
      Path ref;
      String origin;
      if (reference != null) {
        if (!AdminUnitsImport.present(reference)) {
          throw new IllegalArgumentException("--reference " + reference + " does not hold "
              + AdminUnitsImport.UNITS_2024 + ", " + AdminUnitsImport.UNITS_2025 + " and "
              + AdminUnitsImport.MERGER);
        }
        ref = reference;
        origin = "--reference";
      } else {
        Optional<ReferenceLocator.Candidate> found = locator.find();
        ref = found.map(ReferenceLocator.Candidate::dir).orElse(null);
        origin = found.map(ReferenceLocator.Candidate::origin).orElse("none found (tried "
            + locator.candidates().stream().map(c -> c.dir().toString()).collect(Collectors.joining(", "))
            + ")");
      }
      return new GenerateConfig(out, range[0], range[1], scale, seed, f, ref, origin,
          GenerateConfig.Cadence.parse(snapshots));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCommand()).execute(args));
  }
}
