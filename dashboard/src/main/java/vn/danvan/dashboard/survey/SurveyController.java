package vn.danvan.dashboard.survey;

import static vn.danvan.dashboard.QueryParams.boundaries;
import static vn.danvan.dashboard.QueryParams.optional;
import static vn.danvan.dashboard.QueryParams.required;
import static vn.danvan.dashboard.QueryParams.scope;
import static vn.danvan.dashboard.QueryParams.warehouse;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Stratum;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.SurveyQueries;
import vn.danvan.catalogue.IndicatorCatalogue;

/**
 * {@code GET /api/survey/estimates?indicator=&region=CODE[,CODE…][&wave=][&by=][&boundaries=]}: the
 * cells of one survey indicator as the warehouse holds them, suppression already applied
 * (docs/surveys.md).
 */
public final class SurveyController {
  private final IndicatorCatalogue catalogue;

  public SurveyController(IndicatorCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /** Every region of a comma list ({@code region=VN,01,79}) is answered, in the order given. */
  public void estimates(Context ctx) {
    List<String> regions = Arrays.stream(required(ctx, "region").split(",", -1)).map(String::strip).toList();
    ctx.json(new SurveyQueries(warehouse(ctx), catalogue).estimates(scope(ctx), new EstimatesRequest(required(ctx, "indicator"), regions,
        Optional.ofNullable(optional(ctx, "wave", null)), InvalidParameterException.choose("by", optional(ctx, "by", Stratum.TOTAL.code()), Stratum.values()),
        boundaries(ctx))));
  }
}
