package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.etl.external.ExternalImport;
import vn.danvan.etl.external.ExternalSource;
import vn.danvan.etl.external.PapiWorkbook;
import vn.danvan.contract.LakeBusyException;

/** {@code danvan external import}: published province-by-year indicator tables into the lake. */
@Command(name = "external", mixinStandardHelpOptions = true,
    description = "Published indicators from outside sources (PAPI) as external indicators.",
    subcommands = ExternalCommand.Import.class)
public final class ExternalCommand {

  /** Exit codes: 0 published, 2 input refused (nothing written), 1 any other failure. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Reads a source's published files (for PAPI: YYYY.csv per year with the codebook_*.csv, "
          + "and the XLSX workbook) and publishes a new snapshot: the current one unchanged plus the "
          + "external values (blanks kept as missing) and their mart rows in both boundary modes.")
  public static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "the source's files or folders")
    List<Path> inputs;

    @Mixin LakeOption lake;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "papi",
        description = "the source the files come from: papi (default)")
    String source;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ExternalImport.Config config;
      try {
        config = new ExternalImport.Config(lake.folder(), ExternalSource.valueOf(source.toUpperCase(Locale.ROOT)),
            inputs, Clock.systemUTC());
      } catch (IllegalArgumentException e) {
        err.println("external import: unknown source '" + source + "' (known: papi)");
        err.flush();
        return 2;
      }
      Lake target = Lake.at(lake.folder());
      String what = "external import " + config.source().code() + " " + inputs;
      boolean own = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = own ? SparkSessions.local(SparkSession.builder().master("local[*]")
          .appName("danvan external import").config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh"))
          .getOrCreate() : SparkSession.active();
      try {
        ExternalImport.Result r = ExternalImport.run(spark, config);
        out.println("published snapshot " + r.snapshot() + " (previous " + r.previous() + ")");
        r.read().cellsAndBlanksByFile().forEach((f, n) ->
            out.printf(Locale.ROOT, "  %-22s %6d cells, %5d blank%n", f, n[0], n[1]));
        out.printf(Locale.ROOT, "  %d values of %s (%d blank, kept as missing), replacing %d; %d mart rows%n",
            r.read().values().size(), config.source().code(), r.read().blanks(), r.replaced(), r.martRows());
        if (r.read().workbookAgainstCsv() != null) {
          PapiWorkbook.Comparison c = r.read().workbookAgainstCsv();
          out.printf(Locale.ROOT, "  workbook against the CSVs: %d of %d cells agree%n", c.agree(), c.compared());
          c.differences().stream().limit(10).forEach(d -> out.println("    differs: " + d));
        }
        r.read().ignored().forEach(f -> out.println("  ignored " + f));
        Audits.command(target, Action.IMPORT, what + " -> snapshot " + r.snapshot(), "ok",
            (long) r.read().values().size(), err);
        return 0;
      } catch (IllegalArgumentException e) {
        err.println("external import: " + e.getMessage());
        Audits.command(target, Action.IMPORT, what + ": " + e.getMessage(), "refused", null, err);
        return 2;
      } catch (LakeBusyException | IllegalStateException e) {
        err.println("external import: " + e.getMessage());
        return 1;
      } catch (Exception e) {
        // Exception: Spark's checked SparkException arrives undeclared
        err.println("external import failed; the previous snapshot stays current: " + e);
        e.printStackTrace(err);
        Audits.command(target, Action.IMPORT, what + ": " + e, "failed", null, err);
        return 1;
      } finally {
        out.flush();
        err.flush();
        if (own) {
          spark.stop();
        }
      }
    }
  }
}
