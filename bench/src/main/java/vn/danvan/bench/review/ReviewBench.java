package vn.danvan.bench.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.review.ReviewPack;
import vn.danvan.warehouse.query.RegionScope;

/**
 * {@code bench review}: wall time to build the review pack (PDF, Word, CSV) of the nation and of a
 * province from a release of the lake, as {@code bin/danvan review pack} does: warehouse opened
 * over the release's snapshot (its yearly figures, while the browser starts), the in-process server,
 * headless Chromium, the files written. The release {@code bench-review} is made of CURRENT when
 * the lake has none of that name. Goal: 20 s each.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Time to build the annual review pack of the nation and of a province (goal: 20 s each).")
public final class ReviewBench implements Callable<Integer> {
  static final Duration GOAL = Duration.ofSeconds(20);

  @Mixin LakeOption lake;

  @Option(names = "--release", defaultValue = "bench-review",
      description = "The release to build from; made of CURRENT when absent (default ${DEFAULT-VALUE}).")
  String release;

  @Option(names = "--year", defaultValue = "2024", description = "The year reviewed (default ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--province", defaultValue = "40", description = "The province's 2025 code (default ${DEFAULT-VALUE}).")
  String province;

  @Option(names = "--out", defaultValue = "data/bench/review", description = "Where the packs are written (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Lake root = Lake.at(lake.folder());
    Releases releases = Releases.of(root);
    Release frozen = releases.find(release).orElseGet(() -> releases.create(release,
        root.published().orElseThrow(() -> new IllegalStateException("no snapshot published in " + root.root())).id(),
        "bench review", "bench", Instant.now()));
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    result.put("release", frozen.name());
    result.put("snapshot", frozen.snapshot());
    boolean met = true;
    for (String region : List.of("VN", province)) {
      ReviewPack.Result pack = ReviewPack.ofRelease(root, IndicatorCatalogue.load(), Clock.systemUTC(), "bench",
          RegionScope.country(), new ReviewPack.Request(region, year, "vi", frozen), out.resolve(region));
      Duration took = pack.took();
      Duration open = pack.opening();
      met &= took.compareTo(GOAL) <= 0;
      ObjectNode r = result.putObject(region);
      r.put("seconds", took.toMillis() / 1000.0);
      r.put("warehouse_open_seconds", open.toMillis() / 1000.0);
      r.put("pack_seconds", took.minus(open).toMillis() / 1000.0);
      r.put("pdf_bytes", Files.size(pack.pdf()));
      r.put("docx_bytes", Files.size(pack.docx()));
      r.put("csv_files", pack.csv().size());
      System.out.printf("review pack %-3s %s %d: %.1f s (goal %d s; opening the release %.1f s, the pack %.1f s) -> %s%n",
          region, frozen.name(), year, took.toMillis() / 1000.0, GOAL.toSeconds(), open.toMillis() / 1000.0,
          took.minus(open).toMillis() / 1000.0, pack.pdf());
    }
    result.put("goal_met", met);
    Files.createDirectories(out);
    json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("bench-review.json").toFile(), result);
    return 0;
  }
}
