package vn.danvan.dashboard.intake;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.contract.intake.Problem;
import vn.danvan.dashboard.access.ScopeCheck;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/** {@code intake check FILE... --scope CODE}: the upload page's dry run, from the command line. */
@Command(name = "intake", mixinStandardHelpOptions = true, subcommands = IntakeCommand.Check.class,
    description = "Files from the people who report. See 'intake check --help'.")
public final class IntakeCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check");
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Checks files (CSV, JSON Lines, XLSX of report_values, activities, models or "
          + "campaign_targets) exactly as the load would, against the served snapshot, plus the "
          + "personal-data refusal and the scope; nothing is stored.",
          "Prints one line per problem: file, row (as the reporter sees it, header = 1), column, "
              + "check code, reason (Vietnamese). Exit 0 clean, 1 when there is a problem, 2 when a "
              + "file is refused whole (or the command is misused)."})
  static final class Check implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to check")
    List<Path> files;

    @Option(names = "--scope", required = true, paramLabel = "CODE",
        description = "the sender's region scope: VN, a 2025 province or commune")
    String scope;

    @Option(names = "--table", paramLabel = "TABLE",
        description = "the table of every file (default: the folder the file is in, else its header)")
    String table;

    @Mixin LakeOption lake;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Table forced = table == null ? null : Table.forFolder(table).filter(DryRun.TABLES::contains)
          .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--table: one of "
              + String.join(", ", DryRun.TABLES.stream().map(Table::folder).toList())));
      List<DryRun.Input> inputs = new ArrayList<>();
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + f);
        }
        inputs.add(new DryRun.Input(f, f.toString(), forced));
      }
      Lake at = Lake.at(lake.folder());
      DryRun.Result result;
      try (Warehouse warehouse = Warehouse.open(at)) {
        RegionScope checked = ScopeCheck.check(warehouse, new RegionScope(scope)).scope();
        result = new Intake(warehouse, IndicatorCatalogue.load(), Clock.systemUTC()).check(inputs, checked);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      for (Problem p : result.problems()) {
        out.println(String.join("\t", p.file() + (p.sheet() != null ? "[" + p.sheet() + "]" : ""),
            Integer.toString(p.row()), p.column() == null ? "-" : p.column(), p.check(), p.reason()));
      }
      int rows = result.files().stream().mapToInt(DryRun.FileResult::rows).sum();
      err.printf("intake check: %d file(s), %d row(s), %d problem(s)%s%n", result.files().size(), rows,
          result.problems().size(), result.anyRefused() ? ", a file refused whole" : "");
      out.flush();
      Audits.command(at, Action.DRY_RUN, "intake check " + String.join(" ", files.stream()
          .map(f -> f.toAbsolutePath().normalize().toString()).toList()) + " --scope " + scope,
          result.exitCode() == 0 ? "ok" : "problems", (long) rows, err);
      return result.exitCode();
    }
  }
}
