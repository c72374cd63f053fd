package vn.danvan.dashboard;

import static vn.danvan.dashboard.openapi.ApiRoute.Param.optional;
import static vn.danvan.dashboard.openapi.ApiRoute.Param.path;
import static vn.danvan.dashboard.openapi.ApiRoute.Param.required;
import static vn.danvan.dashboard.openapi.ApiRoute.Param.year;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Level;
import vn.danvan.dashboard.export.XlsxExport;
import vn.danvan.dashboard.geo.GeoController;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.dashboard.health.HealthController;
import vn.danvan.dashboard.health.HealthJson;
import vn.danvan.dashboard.indicators.IndicatorController;
import vn.danvan.dashboard.indicators.IndicatorJson;
import vn.danvan.dashboard.limits.AnswerCache;
import vn.danvan.dashboard.limits.ClientShare;
import vn.danvan.dashboard.openapi.ApiRoute.Method;
import vn.danvan.dashboard.openapi.ApiRoute;
import vn.danvan.dashboard.openapi.OpenApiDocument;
import vn.danvan.dashboard.outreach.OutreachController;
import vn.danvan.dashboard.regions.RegionController;
import vn.danvan.dashboard.survey.SurveyController;
import vn.danvan.dashboard.trends.TrendController;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapResult;
import vn.danvan.warehouse.indicators.Mismatch;
import vn.danvan.warehouse.indicators.RankingResult;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.indicators.TargetAttainment;
import vn.danvan.warehouse.outreach.AggregateResult;
import vn.danvan.warehouse.outreach.GrowthResult;
import vn.danvan.warehouse.outreach.OutreachQueries;
import vn.danvan.warehouse.outreach.PostsResult;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionDirectory;
import vn.danvan.warehouse.regions.RegionList;
import vn.danvan.warehouse.regions.RegionProfile;
import vn.danvan.warehouse.survey.EstimatesResult;
import vn.danvan.warehouse.survey.SurveyQueries;

/** The dashboard's web app: every route is declared here, and nowhere else. */
public final class DashboardApp {
  private static final String BOUNDARIES = "reported (units as they were) or 2025 (restated onto the 34 provinces)";

  private DashboardApp() {}

  /** How long a client past its share of connections waits before its 429. */
  static final Duration SHARE_WAIT = Duration.ofSeconds(2);

  /** Bounds a request body: an exported table of a few thousand communes. */
  static final long MAX_REQUEST_SIZE = 32L << 20;

  /** As {@link #create(Warehouse, IndicatorCatalogue, HostAllowList)}, reached as localhost. */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue) {
    return create(warehouse, catalogue, HostAllowList.of("127.0.0.1", List.of()));
  }

  /**
   * An app not yet started; the caller owns the warehouse and closes it after stopping the app.
   * Imported map boundaries are read from the lake's {@code geo/} folder; a request whose
   * {@code Host} is not in {@code hosts} is refused.
   */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue, HostAllowList hosts) {
    return create(warehouse, catalogue, hosts, ClientShare::address);
  }

  /**
   * As {@link #create(Warehouse, IndicatorCatalogue, HostAllowList)}, one client being whoever
   * {@code clientKey} names (the caller's address by default).
   */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue, HostAllowList hosts,
      Function<Context, String> clientKey) {
    ClientShare share = new ClientShare(ClientShare.halfOf(warehouse.options().poolSize()), SHARE_WAIT, clientKey);
    AnswerCache cache = new AnswerCache(AnswerCache.DEFAULT_MAX_BYTES, warehouse::snapshotId,
        ctx -> QueryParams.scope(ctx).rootCode());
    List<ApiRoute> routes = routes(warehouse, catalogue, new GeoStore(warehouse.lake().root()));
    ObjectNode openApi = OpenApiDocument.of("danvan dashboard API", "1", routes);
    Map<String, List<String>> methods = new LinkedHashMap<>(RequestHygiene.methodsOf(routes));
    methods.put("/openapi.json", List.of("GET", "HEAD"));
    RequestHygiene hygiene = new RequestHygiene(hosts, methods, MAX_REQUEST_SIZE);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_REQUEST_SIZE;
      // Pages and their scripts ship inside the jar: users' networks may be closed.
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.routes.before(hygiene::before);
      for (ApiRoute route : routes) {
        switch (route.method()) {
          case GET -> {
            Handler handler = guarded(route, share, cache);
            config.routes.get(route.path(), handler);
            // Javalin answers HEAD 200 wherever a GET route exists, even where GET is a 404
            config.routes.head(route.path(), handler);
          }
          case POST -> config.routes.post(route.path(), guarded(route, share, cache));
        }
      }
      config.routes.get("/openapi.json", ctx -> ctx.json(openApi));
      config.routes.head("/openapi.json", ctx -> ctx.json(openApi));
      config.routes.exception(Exception.class, ApiErrors::handle);
      // named apart: Javalin answers its own HttpResponseException as text unless told otherwise
      config.routes.exception(HttpResponseException.class, ApiErrors::handle);
      config.routes.error(404, ApiErrors::notFound);
      JsonErrorHandler jettyErrors = new JsonErrorHandler();
      config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
    });
  }

  /**
   * A route's handler behind the answer cache (reads of the snapshot) and the client's share (all
   * that reads the warehouse or builds a file); the catalogue and the map boundaries are neither.
   */
  private static Handler guarded(ApiRoute route, ClientShare share, AnswerCache cache) {
    String path = route.path();
    if (path.equals("/api/indicators") || path.startsWith("/api/geo")) {
      return route.handler();
    }
    Handler shared = share.guard(route.handler());
    // geo files and the health counts may change without a new snapshot: only snapshot reads are kept
    return route.method() == Method.GET && path.startsWith("/api/") ? cache.cached(shared) : shared;
  }

  static List<ApiRoute> routes(Warehouse warehouse, IndicatorCatalogue catalogue, GeoStore geo) {
    HealthController health = new HealthController(warehouse);
    IndicatorController indicators = new IndicatorController(catalogue);
    TrendController trends = new TrendController(new IndicatorQueries(warehouse, catalogue));
    RegionController regions = new RegionController(new RegionDirectory(warehouse));
    GeoController maps = new GeoController(geo);
    SurveyController surveys = new SurveyController(new SurveyQueries(warehouse, catalogue));
    OutreachController outreach = new OutreachController(new OutreachQueries(warehouse));
    ApiRoute.Param region = optional("region", "GSO code of the area (default VN)");
    ApiRoute.Param from = year("from", false, "first year of publishing");
    ApiRoute.Param to = year("to", false, "last year of publishing");
    ApiRoute.Param period = optional("period", "one period instead of from/to: 2023, 2023-H1, 2023-Q3 or 2023-07");
    ApiRoute.Param indicator = required("indicator", "catalogue code (GET /api/indicators)");
    ApiRoute.Param boundaries = optional("boundaries", BOUNDARIES, Coded.codes(Boundaries.values()));
    ApiRoute.Param mapLevel = optional("level", "province (default), district (reported only) or commune",
        Level.PROVINCE.code(), Level.DISTRICT.code(), Level.COMMUNE.code());
    return List.of(
        ApiRoute.get("/health", health::get, "the snapshot being served, its load time and table counts",
            HealthJson.class),
        ApiRoute.getList("/api/indicators", indicators::list, "the indicator catalogue", IndicatorJson.class),
        ApiRoute.get("/api/series", trends::series,
            "one indicator's series per region, every period of the span (value null: no data)", SeriesResult.class,
            indicator, required("region", "comma-separated GSO codes, VN for the nation"),
            year("from", false, "first year"), year("to", false, "last year"),
            optional("grain", "year (default), half, quarter or month", "year", "half", "quarter", "month"),
            boundaries, optional("trend", "true: least-squares trend with its 95% CI", "true", "false"),
            optional("per_capita", "true: also per 10,000 inhabitants", "true", "false")),
        ApiRoute.get("/api/map", trends::map, "one figure per region of a level in one year", MapResult.class,
            indicator, year("year", true, "the year"), mapLevel, boundaries),
        ApiRoute.get("/api/ranking", trends::ranking, "the map's regions in rank order", RankingResult.class,
            indicator, year("year", true, "the year"), mapLevel, boundaries),
        ApiRoute.getList("/api/attainment", trends::attainment, "campaign targets and what was achieved",
            TargetAttainment.class, year("year", true, "the year"),
            optional("indicator", "only this indicator")),
        ApiRoute.getList("/api/consistency", trends::consistency,
            "reports whose breakdown does not add up to their total", Mismatch.class,
            optional("region", "GSO code (default: the whole country)"), year("year", true, "the year")),
        ApiRoute.get("/api/survey/estimates", surveys::estimates,
            "weighted survey estimates with 95% CIs across waves; withheld cells listed without figures",
            EstimatesResult.class, required("indicator", "a survey series of the catalogue (computation=survey)"),
            required("region", "comma-separated GSO codes (at most 100), VN for the nation"),
            optional("wave", "one wave id (default: every wave of the series)"),
            optional("by", "total (default), age_group, sex or residence", "total", "age_group", "sex", "residence"),
            boundaries),
        ApiRoute.get("/api/outreach/aggregates", outreach::aggregates,
            "official posts and their interactions per period and breakdown: sums, mean, median, zero share",
            AggregateResult.class,
            optional("by", "platform (default), topic, format, unit, team, channel or region",
                "platform", "topic", "format", "unit", "team", "channel", "region"),
            optional("grain", "year (default), half, quarter or month", "year", "half", "quarter", "month"),
            optional("level", "with by=region: nation, province (default), district (reported only) or commune",
                "nation", "province", "district", "commune"),
            region, from, to, period, boundaries),
        ApiRoute.get("/api/outreach/growth", outreach::growth,
            "mean counts of the posts 1 h, 24 h and 7 d after publishing, and final", GrowthResult.class,
            optional("by", "one curve per platform, topic, format, unit, team or channel",
                "platform", "topic", "format", "unit", "team", "channel"),
            region, from, to, period, boundaries),
        ApiRoute.get("/api/outreach/posts", outreach::posts,
            "posts by overperformance against their channel's benchmark (CrowdTangle's definition)", PostsResult.class,
            optional("order", "top (default) or bottom", "top", "bottom"),
            optional("age", "1h, 24h (default) or 7d", "1h", "24h", "7d"),
            optional("limit", "1-500 (default 20)"), region, from, to, period, boundaries),
        ApiRoute.get("/api/regions", regions::list, "regions of a boundary mode, by level and parent",
            RegionList.class, boundaries,
            optional("level", "nation, province, district or commune", "nation", "province", "district", "commune"),
            optional("parent", "GSO code of the parent region")),
        ApiRoute.get("/api/regions/{code}", regions::profile, "a region with its breadcrumb and children",
            RegionProfile.class, path("code", "GSO code, VN for the nation"), boundaries),
        ApiRoute.get("/api/geo", maps::levels, "which levels have imported boundaries", GeoController.GeoLevels.class),
        ApiRoute.file(Method.GET, "/api/geo/{level}", maps::get,
            "imported boundaries (GeoJSON with code and name properties); 404 when none were imported",
            GeoController.MEDIA_TYPE, path("level", "province or commune")),
        ApiRoute.file(Method.POST, "/api/export/xlsx", new XlsxExport()::post,
            "a table as shown (JSON body: title, source, snapshot, columns, rows) as an Excel workbook",
            XlsxExport.MEDIA_TYPE));
  }
}
