package vn.danvan.dashboard.survey;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.warehouse.indicators.Boundaries;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.Stratum;
import vn.danvan.warehouse.survey.SurveyQueries;

/**
 * {@code GET /api/survey/estimates?indicator=&region=[&wave=][&by=][&boundaries=]}: the cells of
 * one survey indicator as the warehouse holds them, suppression already applied (docs/surveys.md).
 */
public final class SurveyController {
  private final SurveyQueries queries;

  public SurveyController(SurveyQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  public void estimates(Context ctx) {
    String wave = optional(ctx, "wave", null);
    if (wave != null && !wave.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new InvalidParameterException("wave", "is a wave id such as W2024-1, not '" + wave + "'");
    }
    String region = required(ctx, "region");
    if (!RegionScope.isRegionCode(region)) {
      throw new InvalidParameterException("region", "is VN or a 2-, 3- or 5-digit GSO code, not '" + region + "'");
    }
    ctx.json(queries.estimates(RegionScope.country(), new EstimatesRequest(required(ctx, "indicator"), region,
        Optional.ofNullable(wave), Stratum.parse("by", optional(ctx, "by", Stratum.TOTAL.code())),
        Boundaries.parse("boundaries", optional(ctx, "boundaries", Boundaries.REPORTED.code())))));
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(name, "is required");
    }
    return value.strip();
  }

  private static String optional(Context ctx, String name, String fallback) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
