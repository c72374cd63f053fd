package vn.danvan.dashboard.access;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionLookup;

/**
 * Whether a region code may be an account's scope: {@code VN}, or a province or commune of the
 * 2025 boundaries (districts ceased on 2025-07-01 and are no scope), checked against the
 * published snapshot's regions so that a typo does not make an account that sees nothing.
 */
public final class ScopeCheck {
  private static final Set<String> SCOPE_LEVELS = Set.of(Level.PROVINCE.code(), Level.COMMUNE.code());

  private ScopeCheck() {}

  /**
   * A checked scope.
   *
   * @param scope the scope
   * @param name the region's name, null for {@code VN} and when the lake has no snapshot to name it
   * @param warning what could not be checked, null when all was
   */
  public record Checked(RegionScope scope, String name, String warning) {
    public Checked {
      Objects.requireNonNull(scope, "scope");
    }
  }

  /**
   * Checks {@code code} against the lake's published snapshot ({@code VN} needs no snapshot);
   * without one, only its form is checked and the answer carries a warning.
   *
   * @throws IllegalArgumentException naming the code when it is not a scope
   */
  public static Checked check(Lake lake, String code) {
    RegionScope scope = wellFormed(code);
    if (scope.isCountry()) {
      return new Checked(scope, null, null);
    }
    if (lake.published().isEmpty()) {
      return new Checked(scope, null, "no snapshot published in " + lake.root()
          + " yet: scope '" + code + "' not checked against the 2025 provinces and communes");
    }
    try (Warehouse warehouse = Warehouse.open(lake)) {
      return check(warehouse, scope);
    }
  }

  /**
   * Checks {@code scope} against the snapshot {@code warehouse} serves.
   *
   * @throws IllegalArgumentException naming the code when it is not a 2025 province or commune
   */
  public static Checked check(Warehouse warehouse, RegionScope scope) {
    String code = AccountStore.requireScope(scope);
    Map<String, String[]> known = warehouse.read(RegionScope.country(),
        session -> RegionLookup.known(session, Boundaries.RESTATED_2025));
    String[] region = known.get(code);
    if (scope.isCountry()) {
      return new Checked(scope, region != null ? region[1] : "Việt Nam", null);
    }
    if (region == null || !SCOPE_LEVELS.contains(region[0])) {
      throw new IllegalArgumentException("scope refused: '" + code + "' is not a 2025 province or commune"
          + " in snapshot " + warehouse.snapshotId().orElse("?")
          + " (units that ceased on " + Boundaries.REFORM + " are no scope)");
    }
    return new Checked(scope, region[1], null);
  }

  private static RegionScope wellFormed(String code) {
    if (!RegionScope.isRegionCode(code)) {
      throw new IllegalArgumentException("scope refused: '" + code + "' is not VN, a 2025 province (2 digits)"
          + " or a 2025 commune (5 digits)");
    }
    RegionScope scope = new RegionScope(code);
    AccountStore.requireScope(scope);
    return scope;
  }
}
