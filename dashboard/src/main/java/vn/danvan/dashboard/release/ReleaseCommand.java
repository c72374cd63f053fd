package vn.danvan.dashboard.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.cli.TextTable;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.contract.release.Verification;

/**
 * {@code release create|list|show|verify|diff}: named, frozen snapshots that a report can cite
 * (the annual review). Run on the server by whoever may write the lake, like {@code users}; making
 * and checking a release are recorded in the audit trail. No command removes a release, and no
 * clean-up may remove a snapshot a release pins ({@link Releases#pinnedSnapshots()}). Exit 0 when
 * done (verify: when the release holds), 1 when refused or when it does not hold, 2 for a usage error.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
    subcommands = {ReleaseCommand.Create.class, ReleaseCommand.ListReleases.class, ReleaseCommand.Show.class,
        ReleaseCommand.Verify.class, ReleaseDiffCommand.class},
    description = "Frozen, citable releases of the lake (LAKE/releases/NAME). See 'release create --help'.")
public final class ReleaseCommand implements Runnable {
  @Spec CommandSpec spec;

  private Clock clock = Clock.systemUTC();

  /** Records creation times from {@code clock} (tests). */
  public ReleaseCommand withClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: create, list, show, verify or diff");
  }

  /** The account a command run on the server acts as: the operating-system user, as in the audit trail. */
  static String account() {
    return "os:" + System.getProperty("user.name");
  }

  /** What every {@code release} sub-command shares: the lake, refusals as exit 1 with the reason. */
  abstract static class Action implements Callable<Integer> {
    @ParentCommand ReleaseCommand release;
    @Spec CommandSpec spec;
    @Mixin LakeOption lake;

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lake at = Lake.at(lake.folder());
      try {
        return run(at, Releases.of(at), out, err);
      } catch (LakeException e) {
        err.println("release " + spec.name() + ": " + e.getMessage());
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }

    abstract int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err);
  }

  /** {@code current} (the published snapshot) or a snapshot id, as the lake names it. */
  static SnapshotRef snapshot(Lake lake, String idOrCurrent) {
    if (idOrCurrent.equals("current")) {
      return lake.published().orElseThrow(() -> new LakeException("no snapshot is published in " + lake.root()
          + " yet (no CURRENT file): run a load first"));
    }
    return lake.ref(idOrCurrent);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Freezes a snapshot as release NAME: a manifest of every file with its SHA-256, "
          + "the title, the time and the account. A release is never changed or removed.")
  static final class Create extends Action {
    @Parameters(paramLabel = "NAME", description = "letters, digits, '.', '_', '-' (e.g. tong-ket-2025)")
    String name;

    @Option(names = "--snapshot", defaultValue = "current", paramLabel = "ID|current",
        description = "the snapshot to freeze (default: the published one)")
    String snapshot;

    @Option(names = "--title", required = true, paramLabel = "TEXT",
        description = "what the release is, as pages and the review pack show it (e.g. \"Số liệu tổng kết năm 2025\")")
    String title;

    @Override
    int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err) {
      if (title.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--title must not be blank");
      }
      String target = "release create " + name;
      Release made;
      try {
        made = releases.create(name, snapshot(lake, snapshot).id(), title.strip(), account(),
            release.clock.instant().truncatedTo(ChronoUnit.MILLIS));
      } catch (LakeException e) {
        Audits.command(lake, AuditEvent.Action.RELEASE, target, "failed", null, err);
        throw e;
      }
      Audits.command(lake, AuditEvent.Action.RELEASE, target + " (snapshot " + made.snapshot() + ", manifest "
          + made.manifestSha256() + ")", "ok", (long) made.files(), err);
      out.println("release create: " + made.name() + " = snapshot " + made.snapshot() + ", " + made.files()
          + " files, " + made.bytes() + " bytes, manifest sha256 " + made.manifestSha256());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the releases, oldest first.")
  static final class ListReleases extends Action {
    @Override
    int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err) {
      if (releases.list().isEmpty()) {
        out.println("no releases in " + releases.dir());
        return 0;
      }
      TextTable table = TextTable.of("NAME", "CREATED (UTC)", "BY", "SNAPSHOT", "FILES", "TITLE");
      releases.list().forEach(r -> table.row(r.name(), r.createdAt(), r.createdBy(), r.snapshot(), r.files(), r.title()));
      table.print(out);
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A release: title, snapshot, time, account, files, bytes, manifest checksum and the "
          + "snapshot's load report totals.")
  static final class Show extends Action {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err) {
      Release r = releases.require(name);
      TextTable table = TextTable.of("release", r.name())
          .row("title", r.title())
          .row("snapshot", r.snapshot())
          .row("created (UTC)", r.createdAt())
          .row("created by", r.createdBy())
          .row("files", r.files())
          .row("bytes", r.bytes())
          .row("manifest sha256", r.manifestSha256());
      Optional<JsonNode> report = lake.loadReport(releases.snapshot(r));
      table.row("load report", report.map(Show::totals).orElse("none in the snapshot"));
      table.print(out);
      return 0;
    }

    /** The load report's totals over its tables: read = landed + quarantined, and the rows kept. */
    static String totals(JsonNode report) {
      long read = 0;
      long landed = 0;
      long quarantined = 0;
      long inLake = 0;
      for (JsonNode table : report.path("tables")) {
        read += table.path("read").asLong();
        landed += table.path("landed").asLong();
        quarantined += table.path("quarantined").asLong();
        inLake += table.path("rows_in_lake").asLong();
      }
      return "read " + read + ", landed " + landed + ", quarantined " + quarantined + "; rows in the lake "
          + inLake + " (load of " + report.path("as_of").asText("?") + ")";
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Checks every file of the release's snapshot against its manifest. Exit 0 when the "
          + "release holds, 1 with every changed, missing or added file listed.")
  static final class Verify extends Action {
    @Parameters(paramLabel = "NAME") String name;

    @Override
    int run(Lake lake, Releases releases, PrintWriter out, PrintWriter err) {
      Verification check = releases.verify(name);
      Audits.command(lake, AuditEvent.Action.RELEASE, "release verify " + name
          + (check.holds() ? "" : " (" + check.problems().size() + " problems)"),
          check.holds() ? "ok" : "failed", (long) check.checked(), err);
      if (check.holds()) {
        out.println("release verify: " + name + " holds: " + check.checked() + " files match the manifest");
        return 0;
      }
      out.println("release verify: " + name + " does NOT hold: " + check.problems().size() + " of "
          + check.checked() + " files differ from the manifest");
      check.problems().forEach(out::println);
      return 1;
    }
  }
}
