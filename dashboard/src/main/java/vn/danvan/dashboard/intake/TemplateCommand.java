package vn.danvan.dashboard.intake;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.dashboard.access.ScopeCheck;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/** {@code template --table T --out FILE.xlsx}: the Excel template a reporter fills. */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Writes the Excel template of one table: the data contract's header row, drop-down "
        + "lists for the vocabularies, indicators, campaigns and the scope's region codes (with names), "
        + "and a sheet explaining every column in Vietnamese.")
public final class TemplateCommand implements Callable<Integer> {
  @Option(names = "--table", required = true, paramLabel = "TABLE",
      description = "report_values, activities, models or campaign_targets")
  String table;

  @Option(names = "--scope", defaultValue = "VN", paramLabel = "CODE",
      description = "the region scope whose units are offered (default: ${DEFAULT-VALUE})")
  String scope;

  @Option(names = "--year", paramLabel = "YYYY", description = "offer only the units valid in that year")
  Integer year;

  @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "the workbook to write")
  Path out;

  @Mixin LakeOption lake;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Table chosen = Table.forFolder(table).filter(DryRun.TABLES::contains)
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--table: one of "
            + String.join(", ", DryRun.TABLES.stream().map(Table::folder).toList())));
    if (year != null && (year < 2000 || year > 2100)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--year: 2000-2100, not " + year);
    }
    Lake at = Lake.at(lake.folder());
    try (Warehouse warehouse = Warehouse.open(at); OutputStream file = Files.newOutputStream(out)) {
      RegionScope checked;
      try {
        checked = ScopeCheck.check(warehouse, new RegionScope(scope)).scope();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      new Intake(warehouse, IndicatorCatalogue.load(), Clock.systemUTC())
          .template(chosen, checked, year == null ? OptionalInt.empty() : OptionalInt.of(year), file);
    }
    spec.commandLine().getOut().println("template: " + chosen.folder() + " for " + scope + " -> " + out);
    Audits.command(at, Action.TEMPLATE, "template " + chosen.folder() + " --scope " + scope, "ok", null,
        spec.commandLine().getErr());
    return 0;
  }
}
