package vn.danvan.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.danvan.bench.intake.IntakeBench;
import vn.danvan.bench.load.LoadBench;
import vn.danvan.bench.pages.PagesBench;
import vn.danvan.bench.query.QueryBench;
import vn.danvan.bench.review.ReviewBench;

/** {@code bin/danvan bench ...}: benchmarks that measure the product beside a peer in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks, each run side by side with a peer on the same machine and data.",
    subcommands = {EtlBench.class, MartsBench.class, IncrementalBench.class, SurveyBench.class, QueryBench.class, LoadBench.class, PagesBench.class, ReviewBench.class,
        IntakeBench.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
