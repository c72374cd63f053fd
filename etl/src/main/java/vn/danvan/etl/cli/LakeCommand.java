package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.contract.retention.DiskUsage;
import vn.danvan.contract.retention.Retention;

/** {@code danvan lake gc|du}: the lake's disk: what each snapshot holds, and removing old ones. */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = "The lake's disk: 'lake du' (bytes per snapshot), 'lake gc' (remove old snapshots).",
    subcommands = {LakeCommand.Gc.class, LakeCommand.Du.class})
public final class LakeCommand {
  private LakeCommand() {}

  @Command(name = "gc", mixinStandardHelpOptions = true,
      description = {"Removes old snapshots; never the current one, the N newest, a release's, or one a",
          "server is reading. Safe while a load runs and while servers read. Exit 0, or 1 on failure."})
  public static final class Gc implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LakeOption lake;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "" + Retention.DEFAULT_KEEP,
        description = "newest snapshots to keep (default: ${DEFAULT-VALUE}; the current one is kept whatever N)")
    int keep;

    @Option(names = "--dry-run", description = "say what would be removed, remove nothing")
    boolean dryRun;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lake target = Lake.at(lake.folder());
      try {
        Retention.Result r = Retention.collect(target, keep, dryRun);
        for (Retention.Decision d : r.decisions()) {
          out.printf(Locale.ROOT, "%-30s %s%n", d.snapshot(),
              d.remove() ? (dryRun ? "would remove" : "removed") + " (" + DiskUsageFormat.bytes(d.bytesFreed()) + " freed)"
                  + (d.reason().equals(Retention.OLD) ? "" : ": " + d.reason())
                  : "kept: " + d.reason());
        }
        r.stagingRemoved().forEach(s -> out.println(s + " removed (staging of a load that did not finish)"));
        if (r.loadRunning()) {
          out.println("a load is running: its staging folder was left alone");
        }
        out.printf(Locale.ROOT, "%s %d snapshot(s), %s%n", dryRun ? "would remove" : "removed", r.removed().size(),
            DiskUsageFormat.bytes(r.bytesFreed()));
        if (!dryRun) {
          Audits.command(target, Action.CLEANUP, "lake gc --keep " + keep + ": removed "
              + r.removed().stream().map(Retention.Decision::snapshot).toList(), "ok", null, err);
        }
        return 0;
      } catch (RuntimeException e) {
        err.println("lake gc: " + e.getMessage());
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }
  }

  @Command(name = "du", mixinStandardHelpOptions = true,
      description = "Per snapshot: files, bytes, bytes held alone (freed by removing it), bytes shared by hard link.")
  public static final class Du implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LakeOption lake;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Lake target = Lake.at(lake.folder());
      DiskUsage usage = DiskUsage.of(target);
      String current = target.current().orElse("");
      java.util.Map<String, String> releases = new java.util.HashMap<>();
      for (Release r : Releases.of(target).list()) {
        releases.merge(r.snapshot(), r.name(), (a, b) -> a + "," + b);
      }
      out.printf(Locale.ROOT, "%-30s %7s %10s %10s %10s%n", "snapshot", "files", "total", "alone", "shared");
      for (DiskUsage.Snapshot s : usage.snapshots()) {
        String note = (s.id().equals(current) ? "CURRENT " : "")
            + (releases.containsKey(s.id()) ? "release " + releases.get(s.id()) : "");
        out.println(String.format(Locale.ROOT, "%-30s %7d %10s %10s %10s  %s", s.id(), s.files(),
            DiskUsageFormat.bytes(s.total()), DiskUsageFormat.bytes(s.alone()), DiskUsageFormat.bytes(s.shared()),
            note.strip()).stripTrailing());
      }
      long sum = usage.snapshots().stream().mapToLong(DiskUsage.Snapshot::total).sum();
      out.printf(Locale.ROOT, "%d snapshot(s): %s on disk (%s if nothing were shared)%n", usage.snapshots().size(),
          DiskUsageFormat.bytes(usage.onDisk()), DiskUsageFormat.bytes(sum));
      out.flush();
      return 0;
    }
  }

  /** Sizes as people read them: 1 decimal, binary units. */
  static final class DiskUsageFormat {
    private DiskUsageFormat() {}

    static String bytes(long n) {
      if (n < 1024) {
        return n + " B";
      }
      String[] units = {"KiB", "MiB", "GiB", "TiB"};
      double v = n;
      int u = -1;
      while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
      }
      return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
  }
}
