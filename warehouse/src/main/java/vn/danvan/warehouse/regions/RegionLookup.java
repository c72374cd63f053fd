package vn.danvan.warehouse.regions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.LakeTable;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.OutOfScopeException;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Visibility;

/**
 * The level and name of region codes, for the answers of other features (indicators, outreach,
 * surveys) that name the regions they report on, and the one check that a requested code exists in
 * the boundary mode asked for, so that every feature refuses an unknown code with the same 404.
 * Used inside a read of those features; {@link RegionDirectory} answers the pages' own questions
 * about regions.
 */
public final class RegionLookup {
  private static final SqlFile REGIONS = SqlFile.load(RegionLookup.class, "regions");

  private RegionLookup() {}

  /** {@code code -> [level, name]} of every region the mode knows, read once per snapshot and mode. */
  public static Map<String, String[]> known(SnapshotSession session, Boundaries boundaries) {
    return session.memo("regions|" + boundaries.code(), s -> {
      Map<String, String[]> known = new HashMap<>();
      if (s.views().contains(LakeTable.MART_REGIONS)) {
        s.query(REGIONS, row -> known.put(row.getString(1), new String[] {row.getString(2), row.getString(3)}),
            boundaries.code());
      }
      return Map.copyOf(known);
    });
  }

  /**
   * {@code code -> [level, name]} for every code, in the order given; all must exist in the mode.
   *
   * @throws NotFoundException naming {@code region} for a code the mode does not know
   */
  public static Map<String, String[]> require(SnapshotSession session, Boundaries boundaries,
      List<String> codes) {
    Map<String, String[]> all = known(session, boundaries);
    Map<String, String[]> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String code : codes) {
      String[] region = all.get(code);
      if (region == null) {
        missing.add(code);
      } else {
        found.put(code, region);
      }
    }
    if (!missing.isEmpty()) {
      throw new NotFoundException("region", String.join(",", missing) + (missing.size() == 1
          ? " is" : " are") + " not a region of boundaries=" + boundaries.code()
          + (boundaries == Boundaries.RESTATED_2025
              ? " (units that ceased on " + Boundaries.REFORM + " exist only with boundaries=reported)"
              : ""));
    }
    requireSeen(session, "region", boundaries, codes);
    return found;
  }

  /**
   * Refuses codes of {@code parameter} that the read's scope does not see ({@code VN}, the nation,
   * is seen by every scope).
   *
   * @throws OutOfScopeException naming the parameter, the codes and the scope
   */
  public static void requireSeen(SnapshotSession session, String parameter, Boundaries boundaries,
      List<String> codes) {
    Visibility seen = session.visibility();
    List<String> outside = codes.stream().filter(c -> !seen.sees(boundaries, c)).distinct().toList();
    if (!outside.isEmpty()) {
      throw new OutOfScopeException(parameter, parameter + "=" + String.join(",", outside)
          + (outside.size() == 1 ? " is" : " are") + " outside your region scope ("
          + session.scope().rootCode() + ", boundaries=" + boundaries.code() + ")"
          + (boundaries == Boundaries.REPORTED && outside.stream().anyMatch(c -> seen.sees(Boundaries.RESTATED_2025, c))
              ? "; a unit the 2025 reform split across the scope's border is seen only with boundaries=2025" : ""));
    }
  }
}
