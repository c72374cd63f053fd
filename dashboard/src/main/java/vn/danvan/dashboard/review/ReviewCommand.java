package vn.danvan.dashboard.review;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.warehouse.query.RegionScope;

/** {@code review pack}: the annual review of a release as PDF, Word and CSV files. */
@Command(name = "review", mixinStandardHelpOptions = true, subcommands = ReviewCommand.Pack.class,
    description = "The annual review pack. See 'review pack --help'.")
public final class ReviewCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command: pack");
  }

  @Command(name = "pack", mixinStandardHelpOptions = true,
      description = "Writes review.pdf, review.docx and every table as CSV into --out for the nation or a "
          + "province and a year, from a release's frozen figures (bin/danvan release create). Needs "
          + "Debian's chromium and chromium-driver, and fonts that cover Vietnamese (fonts-noto-core).")
  static final class Pack implements Callable<Integer> {
    @Mixin LakeOption lake;

    @Option(names = "--release", required = true, description = "The release's name (bin/danvan release list).")
    String release;

    @Option(names = "--region", defaultValue = "VN", description = "VN or a 2025 province's code (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--year", required = true, description = "The year reviewed.")
    int year;

    @Option(names = "--lang", defaultValue = "vi", description = "vi or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--out", required = true, description = "Folder to write the files into (created if absent).")
    Path out;

    @Override
    public Integer call() {
      Lake root = Lake.at(lake.folder());
      Release frozen = Releases.of(root).require(release);
      ReviewPack.Request request = new ReviewPack.Request(region, year, lang, frozen);
      if (!ReviewPack.printable()) {
        throw new IllegalStateException(ReviewPack.notPrintable());
      }
      ReviewPack.Result pack = ReviewPack.ofRelease(root, IndicatorCatalogue.load(), Clock.systemUTC(),
          "os:" + System.getProperty("user.name"), RegionScope.country(), request, out);
      System.out.println("review pack: " + pack.pdf() + ", " + pack.docx() + " and " + pack.csv().size()
          + " CSV files in " + out + " (" + pack.took().toMillis() + " ms)");
      Audits.command(root, Action.REVIEW_PACK, "review pack " + release + " " + region + " " + year + " " + lang,
          "ok", null, new PrintWriter(System.err, true));
      return 0;
    }
  }
}
