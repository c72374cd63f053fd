package vn.danvan.dashboard.indicators;

import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import vn.danvan.catalogue.IndicatorCatalogue;

/** The indicator catalogue, so that pages label figures with the same names and units. */
public final class IndicatorController {
  private final List<IndicatorJson> indicators;

  public IndicatorController(IndicatorCatalogue catalogue) {
    Objects.requireNonNull(catalogue, "catalogue");
    this.indicators = catalogue.all().stream().map(IndicatorJson::of).toList();
  }

  /** {@code GET /api/indicators}: every indicator, in catalogue order. */
  public void list(Context ctx) {
    ctx.json(indicators);
  }
}
