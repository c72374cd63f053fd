package vn.danvan.warehouse.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.Level;
import vn.danvan.contract.PostAge;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.OutOfScopeException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionDirectory;
import vn.danvan.warehouse.regions.RegionLookup;

/**
 * What the outreach page asks of the {@code post_stats} mart (docs/outreach.md): aggregates per
 * period and breakdown, growth curves, and posts ranked by overperformance. DuckDB reads the mart's
 * Parquet files at request time (medians need the posts themselves); every answer comes from one
 * snapshot and names it.
 */
public final class OutreachQueries {
  private static final SqlFile AGGREGATES = SqlFile.load(OutreachQueries.class, "aggregates");
  private static final SqlFile GROWTH = SqlFile.load(OutreachQueries.class, "growth");
  private static final SqlFile OVERPERFORMANCE = SqlFile.load(OutreachQueries.class, "overperformance");
  private static final SqlFile POST_EXTENT = SqlFile.load(OutreachQueries.class, "post_extent");
  /** Vietnam time, in which posts' publishing times are shown. */
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
  public static final int MAX_LIMIT = 500;

  /** Top (highest scores first) or bottom (lowest first). */
  public enum Order {
    TOP, BOTTOM;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Order parse(String parameter, String text) {
      for (Order o : values()) {
        if (o.code().equals(text)) {
          return o;
        }
      }
      throw new InvalidParameterException(parameter, "must be top or bottom, not '" + text + "'");
    }
  }

  private final Warehouse warehouse;

  public OutreachQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * Posts and interactions per period of {@code grain} and value of {@code by}; {@code level}
   * (for {@code by = region}) is the level of the regions listed.
   *
   * @throws vn.danvan.warehouse.query.NotFoundException for a region the boundary mode does not know
   */
  public AggregateResult aggregates(RegionScope scope, PostFilter filter, Dimension by, Level level, Grain grain) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(level, "level");
    if (by == Dimension.REGION && !filter.boundaries().has(level)) {
      throw new InvalidParameterException("level", "boundaries=" + filter.boundaries().code() + " has no "
          + level.code() + " level (districts ended on " + Boundaries.REFORM + ")");
    }
    String breakdown = by == Dimension.REGION ? "region|" + filter.boundaries().code() + "|" + level.code() : by.code();
    String grainCode = grain.name().toLowerCase(Locale.ROOT);
    return warehouse.read(scope, session -> {
      Map<String, String[]> names = regionsOf(session, filter);
      if (session.views().contains(LakeTable.POST_STATS)) {
        checkCost(session, filter, by, level, grain);
      }
      List<Aggregate> rows = !session.views().contains(LakeTable.POST_STATS) ? List.of()
          : session.query(AGGREGATES, row -> {
            String key = row.getString(2);
            String[] region = by == Dimension.REGION && key != null ? names.get(key) : null;
            return new Aggregate(row.getString(1), key, region == null ? null : region[1], row.getLong(3),
                row.getLong(4), nullableLong(row, 5), nullableLong(row, 6), nullableLong(row, 7),
                nullableLong(row, 8), nullableLong(row, 9), nullableDouble(row, 10), nullableDouble(row, 11),
                nullableDouble(row, 12));
          }, params(filter, breakdown, grainCode));
      return new AggregateResult(by.code(), by == Dimension.REGION ? level.code() : null, grainCode,
          filter.region(), filter.boundaries().code(), filter.fromDate().toString(), filter.toDate().toString(),
          session.snapshot().id(), rows);
    });
  }

  /** Mean counts at each age, per value of {@code by} (one curve when empty). */
  public GrowthResult growth(RegionScope scope, PostFilter filter, Optional<Dimension> by) {
    if (by.isPresent() && by.get() == Dimension.REGION) {
      throw new InvalidParameterException("by", "growth curves break down by platform, topic, format, unit, team "
          + "or channel, not region (ask per region with region=)");
    }
    String breakdown = by.map(Dimension::code).orElse("none");
    return warehouse.read(scope, session -> {
      regionsOf(session, filter);
      List<GrowthPoint> points = new ArrayList<>();
      if (session.views().contains(LakeTable.POST_STATS)) {
        session.query(GROWTH, row -> {
          String key = row.getString(1);
          for (int i = 0; i <= PostAge.values().length; i++) {
            boolean total = i == PostAge.values().length;
            int c = 2 + 6 * i;
            points.add(new GrowthPoint(key, total ? "final" : PostAge.values()[i].code(),
                total ? null : PostAge.values()[i].hours(), row.getLong(c), nullableDouble(row, c + 1),
                nullableDouble(row, c + 2), nullableDouble(row, c + 3), nullableDouble(row, c + 4),
                nullableDouble(row, c + 5)));
          }
          return key;
        }, params(filter, breakdown));
      }
      return new GrowthResult(breakdown, filter.region(), filter.boundaries().code(), filter.fromDate().toString(),
          filter.toDate().toString(), session.snapshot().id(), points);
    });
  }

  /** The {@code limit} posts with the highest (top) or lowest (bottom) score at {@code age}. */
  public PostsResult posts(RegionScope scope, PostFilter filter, PostAge age, Order order, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    return warehouse.read(scope, session -> {
      regionsOf(session, filter);
      List<RankedPost> posts = new ArrayList<>();
      if (session.views().contains(LakeTable.POST_STATS)) {
        List<Object> values = new ArrayList<>(List.of(age.code(), age.code(), age.code(), age.code()));
        values.addAll(List.of(filter.params()));
        values.add(order.code());
        values.add(limit);
        session.query(OVERPERFORMANCE, row -> posts.add(new RankedPost(posts.size() + 1, row.getString(1),
            row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
            OffsetDateTime.ofInstant(Instant.ofEpochMilli(row.getLong(7)), VIETNAM).toString(),
            row.getString(8), row.getString(9), row.getDouble(10), row.getDouble(11), row.getInt(12),
            row.getDouble(13), row.getLong(14), row.getLong(15), row.getLong(16), nullableLong(row, 17))),
            values.toArray());
      }
      return new PostsResult(order.code(), age.code(), filter.region(), filter.boundaries().code(),
          filter.fromDate().toString(), filter.toDate().toString(), session.snapshot().id(), posts);
    });
  }

  /**
   * Refuses an aggregate whose periods × breakdown values exceed {@link CostLimits#MAX_CELLS}: the
   * span counted within the years that have posts, the breakdown as the values the posts have (or
   * the regions of the level below the filter's region), both kept per snapshot.
   */
  private static void checkCost(SnapshotSession session, PostFilter filter, Dimension by, Level level, Grain grain) {
    long[] extent = session.memo("post_extent", s -> s.query(POST_EXTENT, row -> new long[] {row.getLong(1),
        row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7),
        row.getLong(8)}).get(0));
    long first = Math.max(extent[0], filter.fromDate().getYear());
    long last = Math.min(extent[1], filter.toDate().getYear());
    long breakdown = switch (by) {
      case PLATFORM -> extent[2];
      case TOPIC -> extent[3];
      case FORMAT -> extent[4];
      case UNIT -> extent[5];
      case TEAM -> extent[6];
      case CHANNEL -> extent[7];
      case REGION -> RegionDirectory.countBelow(session, filter.boundaries(), filter.region(), level);
    };
    String what = by == Dimension.REGION ? level.code() : by.code();
    CostLimits.checkOutreach(Math.max(0, last - first + 1), grain, Math.max(1, breakdown), what);
  }

  /**
   * The region must be one of its mode (404 otherwise) and inside the read's scope (403); the
   * nation's posts are those of every unit, so a scoped read may not ask for them. Returns every
   * region's level and name.
   */
  private static Map<String, String[]> regionsOf(SnapshotSession session, PostFilter filter) {
    if (!session.scope().isCountry() && filter.region().equals(RegionScope.COUNTRY)) {
      throw new OutOfScopeException("region", "region=" + RegionScope.COUNTRY + " (every unit's posts) is outside "
          + "your region scope (" + session.scope().rootCode() + "): ask for region=" + session.scope().rootCode());
    }
    RegionLookup.require(session, filter.boundaries(), List.of(filter.region()));
    return RegionLookup.known(session, filter.boundaries());
  }

  private static Object[] params(PostFilter filter, String... leading) {
    List<Object> values = new ArrayList<>(List.of((Object[]) leading));
    values.addAll(List.of(filter.params()));
    return values.toArray();
  }

  private static Long nullableLong(ResultSet row, int column) throws SQLException {
    long v = row.getLong(column);
    return row.wasNull() ? null : v;
  }

  private static Double nullableDouble(ResultSet row, int column) throws SQLException {
    double v = row.getDouble(column);
    return row.wasNull() ? null : v;
  }
}
