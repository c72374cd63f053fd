package vn.danvan.warehouse.regions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.Level;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The region tree of the served snapshot's {@code mart_regions}, per boundary mode: what the
 * pages need to pick regions, drill down (province, district, commune) and walk back up. Read once
 * per snapshot and mode; a few thousand rows.
 */
public final class RegionDirectory {
  private static final SqlFile TREE = SqlFile.load(RegionDirectory.class, "region_tree");
  private static final SqlFile SERVED_TREE = TREE.withTable("regions", LakeTable.MART_REGIONS);

  private final Warehouse warehouse;

  public RegionDirectory(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Regions of {@code level} (any when null) whose parent is {@code parent} (any when null). */
  public RegionList list(RegionScope scope, Boundaries boundaries, Level level, String parent) {
    return warehouse.read(scope, session -> {
      Tree tree = tree(session, boundaries);
      if (parent != null) {
        tree.get(parent, boundaries);
        RegionLookup.requireSeen(session, "parent", boundaries, List.of(parent));
      }
      List<RegionRef> out = tree.byCode.values().stream()
          .filter(r -> level == null || r.level().equals(level.code()))
          .filter(r -> parent == null || parent.equals(r.parent()))
          .toList();
      return new RegionList(boundaries.code(), session.snapshot().id(), out);
    });
  }

  /** One region with its breadcrumb and children. */
  public RegionProfile profile(RegionScope scope, Boundaries boundaries, String code) {
    return warehouse.read(scope, session -> {
      Tree tree = tree(session, boundaries);
      RegionRef region = tree.get(code, boundaries);
      RegionLookup.requireSeen(session, "code", boundaries, List.of(code));
      List<RegionRef> ancestors = new ArrayList<>();
      for (RegionRef up = tree.byCode.get(region.parent()); up != null; up = tree.byCode.get(up.parent())) {
        ancestors.add(0, up);
      }
      return new RegionProfile(region, boundaries.code(), session.snapshot().id(), ancestors,
          tree.children.getOrDefault(code, List.of()));
    });
  }

  /**
   * How many regions of {@code level} lie in {@code root}'s subtree ({@code root} itself included),
   * from the tree kept for the snapshot: the breakdown an outreach aggregate by region can reach.
   */
  public static int countBelow(SnapshotSession session, Boundaries boundaries, String root, Level level) {
    Tree tree = tree(session, boundaries);
    int count = 0;
    Deque<String> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      String code = todo.pop();
      RegionRef r = tree.byCode.get(code);
      if (r != null && r.level().equals(level.code())) {
        count++;
      }
      tree.children.getOrDefault(code, List.of()).forEach(c -> todo.push(c.code()));
    }
    return count;
  }

  private static Tree tree(SnapshotSession session, Boundaries boundaries) {
    return session.memo("region_tree|" + boundaries.code(), s -> {
      Map<String, RegionRef> byCode = new LinkedHashMap<>();
      if (s.views().contains(LakeTable.MART_REGIONS)) {
        s.query(SERVED_TREE, row -> byCode.put(row.getString(1),
            new RegionRef(row.getString(1), row.getString(3), row.getString(2), row.getString(4))),
            boundaries.code());
      }
      Map<String, List<RegionRef>> children = new HashMap<>();
      byCode.values().stream().filter(r -> r.parent() != null)
          .forEach(r -> children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r));
      children.replaceAll((k, v) -> List.copyOf(v));
      return new Tree(Collections.unmodifiableMap(byCode), Map.copyOf(children));
    });
  }

  /**
   * The regions of one mode read straight from a snapshot's {@code mart_regions} files, without
   * opening the warehouse's serving copy of the marts: for admin commands that only check codes.
   */
  public static List<RegionRef> inFiles(SnapshotRef snapshot, Boundaries boundaries) {
    String glob = snapshot.tableDir(LakeTable.MART_REGIONS).resolve("*.parquet").toString();
    List<RegionRef> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement st = c.prepareStatement(TREE.withStringLiteral("regions", glob).sql())) {
      st.setString(1, boundaries.code());
      try (ResultSet row = st.executeQuery()) {
        while (row.next()) {
          out.add(new RegionRef(row.getString(1), row.getString(3), row.getString(2), row.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new LakeException("cannot read the regions of snapshot " + snapshot.id() + ": " + e.getMessage(), e);
    }
    return out;
  }

  private record Tree(Map<String, RegionRef> byCode, Map<String, List<RegionRef>> children) {
    RegionRef get(String code, Boundaries boundaries) {
      RegionRef r = byCode.get(code);
      if (r == null) {
        throw new NotFoundException("region", code + " is not a region of boundaries=" + boundaries.code());
      }
      return r;
    }
  }
}
