package vn.danvan.dashboard.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.LandingText;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.warehouse.intake.ServedReferences;
import vn.danvan.warehouse.intake.Template;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The intake over the served snapshot, as the command line and the page both use it: templates
 * for a scope, and dry runs of files against the snapshot's regions and campaigns, the catalogue
 * and the scope, with today's date in Vietnam as the load date.
 */
public final class Intake {
  private final ServedReferences references;
  private final IndicatorCatalogue catalogue;
  private final Clock clock;

  public Intake(Warehouse warehouse, IndicatorCatalogue catalogue, Clock clock) {
    this.references = new ServedReferences(Objects.requireNonNull(warehouse, "warehouse"));
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The dry run of {@code inputs} for a sender of {@code scope}; nothing is stored. */
  public DryRun.Result check(List<DryRun.Input> inputs, RegionScope scope) {
    return DryRun.check(inputs, references.served(scope, catalogue.forRowChecks(),
        LocalDate.now(clock.withZone(LandingText.VIETNAM))));
  }

  /** Writes the template of {@code table} for {@code scope} (the units of {@code year} only, when given). */
  public void template(Table table, RegionScope scope, OptionalInt year, OutputStream out) throws IOException {
    List<String> campaigns = references.campaigns(scope).stream().sorted().toList();
    Template.write(new Template.Request(table, scope.rootCode(), references.unitsIn(scope), catalogue.landing(),
        campaigns, year), out);
  }
}
