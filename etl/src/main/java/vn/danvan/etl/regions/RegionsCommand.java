package vn.danvan.etl.regions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code danvan regions}: reference regions for the warehouse. */
@Command(name = "regions", mixinStandardHelpOptions = true,
    description = "Reference regions (provinces, districts, communes) and the 2025 lineage.",
    subcommands = RegionsCommand.Import.class)
public final class RegionsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code danvan regions import}: the public admin-unit JSON to contract landing files. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {
          "Converts the public admin-unit files (units before and after 2025-07-01, merger lineage)",
          "into OUT/regions/regions.csv and OUT/region_lineage/region_lineage.csv.",
          "Prints counts per level, links per relation and every repair of the sources."})
  public static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", paramLabel = "DIR",
        defaultValue = "../shared/reference/admin-units",
        description = "folder of the three public JSON files (default: ${DEFAULT-VALUE})")
    Path reference;

    @Option(names = "--out", paramLabel = "LANDING_DIR", required = true,
        description = "landing folder to write the two tables into")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      AdminUnits units = AdminUnitsImport.read(reference);
      for (Path written : RegionFiles.write(out, units.regions(), units.lineage())) {
        console.println("wrote " + written);
      }
      console.print(units.summary());
      console.flush();
      return 0;
    }
  }
}
