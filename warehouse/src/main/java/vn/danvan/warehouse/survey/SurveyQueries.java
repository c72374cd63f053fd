package vn.danvan.warehouse.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.LakeTable;
import vn.danvan.warehouse.query.CostLimits;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionLookup;

/**
 * Survey estimates as the {@code survey_estimates} mart holds them: suppression was applied when
 * the snapshot was built, so what is read here is already safe to show; the statement nulls a
 * suppressed cell's figures once more, and {@link SurveyCell} refuses to carry them.
 */
public final class SurveyQueries {
  private static final SqlFile ESTIMATES = SqlFile.load(SurveyQueries.class, "estimates");
  private static final SqlFile WAVES = SqlFile.load(SurveyQueries.class, "waves");
  private static final SqlFile RULES = SqlFile.load(SurveyQueries.class, "rules");

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
      Map<String, String[]> known = RegionLookup.require(session, request.boundaries(), request.regions());
      boolean hasMart = session.views().contains(LakeTable.SURVEY_ESTIMATES);
      // the waves that asked the indicator, kept for the snapshot: a refusal past the cost limit needs no query
      Set<String> asked = hasMart ? session.memo("survey_waves:" + indicator.code(),
          s -> Set.copyOf(s.query(WAVES, row -> row.getString(1), indicator.code()))) : Set.of();
      if (request.wave().isPresent() && !asked.contains(request.wave().get())) {
        throw new NotFoundException("wave", request.wave().get() + " did not ask " + indicator.code());
      }
      CostLimits.checkSurvey(request.regions().size(), request.wave().isPresent() ? 1 : asked.size());
      Map<String, SurveyWave> waves = new TreeMap<>();
      Map<String, List<SurveyCell>> byRegion = new HashMap<>();
      Number[] rules = new Number[2];
      if (hasMart) {
        session.query(RULES, row -> {
          java.sql.ResultSetMetaData meta = row.getMetaData();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            int at = label.equals("min_respondents") ? 0 : label.equals("protection_level") ? 1 : -1;
            if (at >= 0 && row.getObject(i) != null) {
              rules[at] = (Number) row.getObject(i);
            }
          }
          return rules;
        });
        String wave = request.wave().orElse(null);
        session.query(ESTIMATES, row -> {
          // keyed by fieldwork start then id: the waves in the order of the series
          waves.putIfAbsent(row.getDate(4) + "|" + row.getString(2), new SurveyWave(row.getString(2),
              row.getString(3), String.valueOf(row.getDate(4)),
              row.getDate(5) == null ? null : String.valueOf(row.getDate(5)), row.getString(6), row.getString(7)));
          return byRegion.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(cell(row));
        }, indicator.code(), request.boundaries().code(), String.join(",", request.regions()),
            request.by().code(), wave, wave);
      }
      List<RegionCells> regions = request.regions().stream().map(code -> new RegionCells(code, known.get(code)[1],
          known.get(code)[0], byRegion.getOrDefault(code, List.of()))).toList();
      return new EstimatesResult(indicator.code(), indicator.nameVi(), indicator.nameEn(), indicator.unit(),
          request.boundaries().code(), request.by().code(), session.snapshot().id(),
          rules[0] == null ? null : rules[0].intValue(), rules[1] == null ? null : rules[1].doubleValue(),
          List.copyOf(waves.values()), regions);
    });
  }

  private static SurveyCell cell(ResultSet row) throws SQLException {
    boolean suppressed = row.getBoolean(18);
    List<String> flags = new ArrayList<>();
    if (suppressed) {
      flags.add("suppressed");
    }
    if (row.getBoolean(19)) {
      flags.add("unreliable");
    }
    Double difference = number(row, 22);
    SurveyCell.Change change = difference == null ? null
        : new SurveyCell.Change(row.getString(21), difference, number(row, 23), number(row, 24), number(row, 25));
    return new SurveyCell(row.getString(2), row.getString(6), row.getString(8), row.getString(9),
        row.getString(10), number(row, 11), number(row, 12), number(row, 13), number(row, 14),
        row.getObject(15) == null ? null : row.getLong(15), number(row, 16), number(row, 17), flags,
        row.getString(20), change);
  }

  private static Double number(ResultSet row, int column) throws SQLException {
    double v = row.getDouble(column);
    return row.wasNull() ? null : v;
  }
}
