package vn.danvan.warehouse.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.lake.LakeTable;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SnapshotSession;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;

/**
 * Survey estimates as the {@code survey_estimates} mart holds them: suppression was applied when
 * the snapshot was built, so what is read here is already safe to show; the statement nulls a
 * suppressed cell's figures once more, and {@link SurveyCell} refuses to carry them.
 */
public final class SurveyQueries {
  private static final SqlFile ESTIMATES = SqlFile.load(SurveyQueries.class, "estimates");
  private static final SqlFile WAVES = SqlFile.load(SurveyQueries.class, "waves");
  /** The regions of a boundary mode: the same statement the indicator reads use. */
  private static final SqlFile REGIONS = SqlFile.load(IndicatorQueries.class, "regions");

  private final Warehouse warehouse;
  private final IndicatorCatalogue catalogue;

  public SurveyQueries(Warehouse warehouse, IndicatorCatalogue catalogue) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /**
   * @throws NotFoundException for an indicator that is not a survey series of the catalogue, a
   *     region the boundary mode does not know, or a wave in which the indicator was not asked
   */
  public EstimatesResult estimates(RegionScope scope, EstimatesRequest request) {
    Indicator indicator = catalogue.find(request.indicator()).filter(Indicator::isSurvey)
        .orElseThrow(() -> new NotFoundException("indicator", "'" + request.indicator()
            + "' is not a survey indicator of the catalogue (see /api/indicators, computation=survey)"));
    return warehouse.read(scope, session -> {
      String[] region = regions(session, request.boundaries().code()).get(request.region());
      if (region == null) {
        throw new NotFoundException("region", request.region() + " is not a region of boundaries="
            + request.boundaries().code());
      }
      boolean hasMart = session.views().contains(LakeTable.SURVEY_ESTIMATES);
      if (request.wave().isPresent()) {
        Set<String> waves = hasMart ? Set.copyOf(session.query(WAVES, row -> row.getString(1), indicator.code()))
            : Set.of();
        if (!waves.contains(request.wave().get())) {
          throw new NotFoundException("wave", request.wave().get() + " did not ask " + indicator.code());
        }
      }
      Map<String, SurveyWave> waves = new LinkedHashMap<>();
      List<SurveyCell> cells = new ArrayList<>();
      if (hasMart) {
        String wave = request.wave().orElse(null);
        session.query(ESTIMATES, row -> {
          waves.putIfAbsent(row.getString(1), new SurveyWave(row.getString(1), row.getString(2),
              String.valueOf(row.getDate(3)), row.getDate(4) == null ? null : String.valueOf(row.getDate(4)),
              row.getString(5), row.getString(6)));
          return cells.add(cell(row));
        }, indicator.code(), request.boundaries().code(), request.region(), request.by().code(), wave, wave);
      }
      return new EstimatesResult(indicator.code(), indicator.nameVi(), indicator.nameEn(), indicator.unit(),
          request.region(), region[1], region[0], request.boundaries().code(), request.by().code(),
          session.snapshot().id(), List.copyOf(waves.values()), cells);
    });
  }

  private static SurveyCell cell(ResultSet row) throws SQLException {
    boolean suppressed = row.getBoolean(17);
    List<String> flags = new ArrayList<>();
    if (suppressed) {
      flags.add("suppressed");
    }
    if (row.getBoolean(18)) {
      flags.add("unreliable");
    }
    Double difference = number(row, 21);
    SurveyCell.Change change = difference == null ? null
        : new SurveyCell.Change(row.getString(20), difference, number(row, 22), number(row, 23), number(row, 24));
    return new SurveyCell(row.getString(1), row.getString(5), row.getString(7), row.getString(8),
        row.getString(9), number(row, 10), number(row, 11), number(row, 12), number(row, 13),
        row.getObject(14) == null ? null : row.getLong(14), number(row, 15), number(row, 16), flags,
        row.getString(19), change);
  }

  private static Double number(ResultSet row, int column) throws SQLException {
    double v = row.getDouble(column);
    return row.wasNull() ? null : v;
  }

  /** code → {level, name} of every region of the mode, once per snapshot. */
  private static Map<String, String[]> regions(SnapshotSession session, String boundaries) {
    return session.memo("survey.regions|" + boundaries, s -> {
      Map<String, String[]> known = new HashMap<>();
      if (s.views().contains(LakeTable.MART_REGIONS)) {
        s.query(REGIONS, row -> known.put(row.getString(1), new String[] {row.getString(2), row.getString(3)}),
            boundaries);
      }
      return Map.copyOf(known);
    });
  }
}
