package vn.danvan.dashboard;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.dashboard.health.HealthController;
import vn.danvan.dashboard.indicators.IndicatorController;
import vn.danvan.dashboard.outreach.OutreachController;
import vn.danvan.dashboard.trends.TrendController;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.outreach.OutreachQueries;

import vn.danvan.warehouse.query.Warehouse;

/** The dashboard's web app: every route is declared here, and nowhere else. */
public final class DashboardApp {
  private DashboardApp() {}

  /** An app not yet started; the caller owns the warehouse and closes it after stopping the app. */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue) {
    HealthController health = new HealthController(warehouse);
    IndicatorController indicators = new IndicatorController(catalogue);
    TrendController trends = new TrendController(new IndicatorQueries(warehouse, catalogue));
    OutreachController outreach = new OutreachController(new OutreachQueries(warehouse));
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Pages and their scripts ship inside the jar: users' networks may be closed.
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.routes.get("/health", health::get);
      config.routes.get("/api/indicators", indicators::list);
      config.routes.get("/api/series", trends::series);
      config.routes.get("/api/map", trends::map);
      config.routes.get("/api/ranking", trends::ranking);
      config.routes.get("/api/attainment", trends::attainment);
      config.routes.get("/api/consistency", trends::consistency);
      config.routes.get("/api/outreach/aggregates", outreach::aggregates);
      config.routes.get("/api/outreach/growth", outreach::growth);
      config.routes.get("/api/outreach/posts", outreach::posts);
      config.routes.exception(Exception.class, ApiErrors::handle);
      config.routes.error(404, ApiErrors::notFound);
    });
  }
}
