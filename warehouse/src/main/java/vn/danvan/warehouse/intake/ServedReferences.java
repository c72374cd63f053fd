package vn.danvan.warehouse.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Visibility;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.ScopedAnswer;
import vn.danvan.warehouse.query.Unregional;

/**
 * The served snapshot as an upload's dry run needs it: the region versions (the load checks codes
 * against the same units, see {@code mart_regions}), the campaigns, and which units the sender's
 * scope covers ({@link Visibility}: its 2025 units, and the old units the lineage sends wholly into
 * it). Read once per snapshot; the scope's part per read.
 */
public final class ServedReferences {
  private static final SqlFile VERSIONS = SqlFile.load(ServedReferences.class, "region_versions");
  private static final SqlFile CAMPAIGNS = SqlFile.load(ServedReferences.class, "campaign_codes");

  /** One version of a unit: its code, name, level and the days it was valid (to: null, still). */
  public record Unit(String code, String name, String level, LocalDate validFrom, LocalDate validTo) {}

  private final Warehouse warehouse;

  public ServedReferences(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** What a dry run for {@code scope} checks rows against, the load date being {@code asOf}. */
  public DryRun.Served served(RegionScope scope, Indicators indicators, LocalDate asOf) {
    return warehouse.read(scope, session -> {
      Visibility seen = session.visibility();
      RegionValidity validity = session.memo("intake|validity", s -> RegionValidity.of(units(s).stream()
          .map(u -> new RegionValidity.Span(u.code(), u.validFrom(), u.validTo())).toList()));
      return new Reference<>(new DryRun.Served(validity, campaigns(session), indicators, asOf, scope.rootCode(),
          code -> sees(seen, code)));
    }).value();
  }

  /**
   * Reference data every scope may read: which codes exist and when (the load checks any row's code
   * against every unit, so that another province's code is "outside the scope", not "unknown"), and
   * the campaigns' codes. No figure of any region.
   */
  private record Reference<T>(T value) implements Unregional {}

  /** Units, cut to those a scope sees. */
  private record Units(List<Unit> units) implements ScopedAnswer<Units> {
    @Override
    public Units within(Visibility visibility) {
      return new Units(units.stream().filter(u -> sees(visibility, u.code())).toList());
    }
  }

  /** The unit versions {@code scope} covers, in code order (every version of a reused code). */
  public List<Unit> unitsIn(RegionScope scope) {
    return warehouse.read(scope, session -> new Units(units(session))).units();
  }

  /**
   * Whether a code a reporter writes is one of its units: seen as reported (an old unit the lineage
   * sends wholly into the scope) or one of the scope's 2025 units.
   */
  private static boolean sees(Visibility seen, String code) {
    return seen.sees(Boundaries.REPORTED, code) || seen.sees(Boundaries.RESTATED_2025, code);
  }

  /** The campaigns of the served snapshot (rows of every scope may name them). */
  public Set<String> campaigns(RegionScope scope) {
    return warehouse.read(scope, session -> new Reference<>(campaigns(session))).value();
  }

  private static List<Unit> units(SnapshotSession session) {
    return session.memo("intake|units", s -> !s.views().contains(LakeTable.MART_REGIONS) ? List.<Unit>of()
        : List.copyOf(s.query(VERSIONS, row -> new Unit(row.getString(1), row.getString(2), row.getString(3),
            row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class)))));
  }

  private static Set<String> campaigns(SnapshotSession session) {
    return session.memo("intake|campaigns", s -> !s.views().contains(LakeTable.CAMPAIGNS) ? Set.<String>of()
        : Set.copyOf(s.query(CAMPAIGNS, row -> row.getString(1))));
  }
}
