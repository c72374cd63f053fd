package vn.danvan.dashboard.geo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Level;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.regions.RegionDirectory;

/** {@code geo import FILE}: boundaries for the dashboard's maps. */
@Command(name = "geo", mixinStandardHelpOptions = true, subcommands = GeoCommand.Import.class,
    description = "Region boundaries for the maps. See 'geo import --help'.")
public final class GeoCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command: import");
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Imports a GeoJSON FeatureCollection of the 2025 provinces (or communes) for the "
          + "map page. Codes are checked against the served snapshot's regions; the running "
          + "dashboard uses the new boundaries at its next page load.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "GeoJSON file, e.g. vn-provinces-34-2025.geojson")
    Path file;

    @Mixin LakeOption lake;

    @Option(names = "--level", defaultValue = "province", description = "province or commune (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--code-property", defaultValue = "code",
        description = "Feature property holding the GSO code (default: ${DEFAULT-VALUE}).")
    String codeProperty;

    @Override
    public Integer call() {
      Path root = lake.folder();
      Level wanted = InvalidParameterException.choose("--level", level, Level.PROVINCE, Level.COMMUNE);
      Map<String, String> known = new LinkedHashMap<>();
      Optional<SnapshotRef> current = Lake.at(root).published();
      if (current.isEmpty()) {
        System.err.println("geo import: no snapshot published in " + root + " yet: codes not checked");
      }
      current.ifPresent(snapshot -> RegionDirectory.inFiles(snapshot, Boundaries.RESTATED_2025).stream()
          .filter(r -> r.level().equals(wanted.code())).forEach(r -> known.put(r.code(), r.name())));
      GeoStore.Imported done = new GeoStore(root).importFile(file, level, codeProperty, known);
      System.out.println("geo import: " + done.features() + " " + level + " features -> " + done.file());
      if (!done.missing().isEmpty()) {
        System.out.println("geo import: no boundary for " + done.missing().size() + " " + level
            + "(s), drawn as 'no map': " + String.join(", ", done.missing()));
      }
      Audits.command(Lake.at(root), Action.IMPORT, "geo import " + level + " " + file.toAbsolutePath().normalize(),
          "ok", (long) done.features(), new java.io.PrintWriter(System.err, true));
      return 0;
    }
  }
}
