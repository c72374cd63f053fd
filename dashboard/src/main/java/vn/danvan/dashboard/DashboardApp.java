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
import io.javalin.config.SizeUnit;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Level;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.access.AccessAudit;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.AuthGate;
import vn.danvan.dashboard.access.LoginController;
import vn.danvan.dashboard.access.LoginThrottle;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.SessionJson;
import vn.danvan.dashboard.access.Sessions;
import vn.danvan.dashboard.audit.AuditController;
import vn.danvan.dashboard.export.CsvExport;
import vn.danvan.dashboard.export.DownloadAudit;
import vn.danvan.dashboard.export.XlsxExport;
import vn.danvan.dashboard.geo.GeoController;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.dashboard.health.HealthController;
import vn.danvan.dashboard.health.HealthJson;
import vn.danvan.dashboard.indicators.IndicatorController;
import vn.danvan.dashboard.indicators.IndicatorJson;
import vn.danvan.dashboard.intake.Intake;
import vn.danvan.dashboard.intake.IntakeController;
import vn.danvan.dashboard.intake.IntakeJson;
import vn.danvan.dashboard.intake.LoadLauncher;
import vn.danvan.dashboard.limits.AnswerCache;
import vn.danvan.dashboard.limits.ClientShare;
import vn.danvan.dashboard.openapi.ApiRoute.Method;
import vn.danvan.dashboard.openapi.ApiRoute;
import vn.danvan.dashboard.openapi.OpenApiDocument;
import vn.danvan.dashboard.outreach.OutreachController;
import vn.danvan.dashboard.regions.RegionController;
import vn.danvan.dashboard.release.ReleaseController;
import vn.danvan.dashboard.release.ReleaseJson;
import vn.danvan.dashboard.release.ReleaseWarehouses;
import vn.danvan.dashboard.review.ReviewController;
import vn.danvan.dashboard.review.ReviewDocument;
import vn.danvan.dashboard.survey.SurveyController;
import vn.danvan.dashboard.trends.TrendController;
import vn.danvan.warehouse.indicators.MapResult;
import vn.danvan.warehouse.indicators.Mismatch;
import vn.danvan.warehouse.indicators.RankingResult;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.indicators.TargetAttainment;
import vn.danvan.warehouse.intake.Template;
import vn.danvan.warehouse.outreach.AggregateResult;
import vn.danvan.warehouse.outreach.GrowthResult;
import vn.danvan.warehouse.outreach.PostsResult;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionList;
import vn.danvan.warehouse.regions.RegionProfile;
import vn.danvan.warehouse.survey.EstimatesResult;

/** The dashboard's web app: every route is declared here, and nowhere else. */
public final class DashboardApp {
  private static final String BOUNDARIES = "reported (units as they were) or 2025 (restated onto the 34 provinces)";

  private DashboardApp() {}

  /**
   * The reads whose answers depend only on the snapshot, the parameters and the caller's scope:
   * the ones the answer cache may keep. Never the session, the audit trail or the health counts.
   */
  private static final Set<String> SNAPSHOT_READS = Set.of("/api/series", "/api/map", "/api/ranking",
      "/api/attainment", "/api/consistency", "/api/survey/estimates", "/api/outreach/aggregates",
      "/api/outreach/growth", "/api/outreach/posts", "/api/regions", "/api/regions/{code}");

  /** Signing in and out: neither cached nor counted against the warehouse's connections. */
  private static final Set<String> ACCOUNT_ROUTES = Set.of("/api/login", "/api/logout", "/api/session",
      "/api/password");

  /** How long a client past its share of connections waits before its 429. */
  static final Duration SHARE_WAIT = Duration.ofSeconds(2);

  /** Bounds a request body: an exported table of a few thousand communes, or the files of an upload. */
  static final long MAX_REQUEST_SIZE = 32L << 20;

  /** Bounds one uploaded file: a workbook of some 100,000 rows. */
  static final int MAX_UPLOAD_FILE_MB = 10;

  /** The routes whose body is files (multipart/form-data) rather than JSON. */
  static final Set<String> UPLOADS = Set.of("/api/intake/check", "/api/intake/submit");

  /** As {@link #create(Warehouse, IndicatorCatalogue, HostAllowList, AccessControl)}, reached as localhost. */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue, AccessControl access) {
    return create(warehouse, catalogue, HostAllowList.of("127.0.0.1", List.of()), access);
  }

  /**
   * An app not yet started; the caller owns the warehouse and closes it after stopping the app.
   * Imported map boundaries are read from the lake's {@code geo/} folder; a request whose
   * {@code Host} is not in {@code hosts} is refused, and one without the credentials of an account
   * of {@code access} is sent to sign in.
   */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue, HostAllowList hosts,
      AccessControl access) {
    return create(warehouse, catalogue, hosts, access, DashboardApp::client);
  }

  /**
   * As {@link #create(Warehouse, IndicatorCatalogue, HostAllowList, AccessControl)}, one client (its
   * share of the warehouse's connections) being whoever {@code clientKey} names: by default the
   * signed-in account, else the address.
   */
  public static Javalin create(Warehouse warehouse, IndicatorCatalogue catalogue, HostAllowList hosts,
      AccessControl access, Function<Context, String> clientKey) {
    ClientShare share = new ClientShare(ClientShare.halfOf(warehouse.options().poolSize()), SHARE_WAIT, clientKey);
    // the warehouse of each request: CURRENT's, or a release's (release=NAME), opened when first read
    ReleaseWarehouses releases = ReleaseWarehouses.of(warehouse);
    // answers are cut to the caller's scope and read from one snapshot: both are part of the key
    AnswerCache cache = new AnswerCache(AnswerCache.DEFAULT_MAX_BYTES, ctx -> QueryParams.warehouse(ctx).snapshotId(),
        ctx -> QueryParams.scope(ctx).rootCode());
    Sessions sessions = new Sessions(access.clock(), access.sessionIdle(), access.sessionLifetime(),
        Sessions.DEFAULT_MAX);
    AccessAudit audit = new AccessAudit(access.audit(), access.clock());
    LoginController login = new LoginController(access.accounts(), sessions, new LoginThrottle(access.clock()), audit);
    List<ApiRoute> routes = routes(warehouse, catalogue, new GeoStore(warehouse.lake().root()), login, audit,
        access.clock());
    ObjectNode openApi = OpenApiDocument.of("danvan dashboard API", "1", routes);
    Map<String, List<String>> methods = new LinkedHashMap<>(RequestHygiene.methodsOf(routes));
    methods.put("/openapi.json", List.of("GET", "HEAD"));
    RequestHygiene hygiene = new RequestHygiene(hosts, methods, MAX_REQUEST_SIZE, UPLOADS);
    AuthGate gate = new AuthGate(access.accounts(), sessions, audit, routes);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.events.serverStopped(releases::close);
      config.http.maxRequestSize = MAX_REQUEST_SIZE;
      config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_FILE_MB, SizeUnit.MB);
      config.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_SIZE, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      // Pages and their scripts ship inside the jar: users' networks may be closed.
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.routes.before(hygiene::before);
      config.routes.before(gate::before); // after the hygiene: a refused Host is never asked to sign in
      for (ApiRoute route : routes) {
        switch (route.method()) {
          case GET -> {
            Handler handler = guarded(route, share, cache, releases);
            config.routes.get(route.path(), handler);
            // Javalin answers HEAD 200 wherever a GET route exists, even where GET is a 404
            config.routes.head(route.path(), handler);
          }
          case POST -> config.routes.post(route.path(), guarded(route, share, cache, releases));
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
   * A route's handler reading the warehouse its request names ({@code release=NAME}, else current;
   * every route but signing in and out, so an unknown release is a 404 wherever it is asked), behind
   * the answer cache (reads of the snapshot) and the client's share (all that reads the warehouse
   * or builds a file); the catalogue, the map boundaries and the releases' list are neither.
   */
  private static Handler guarded(ApiRoute route, ClientShare share, AnswerCache cache, ReleaseWarehouses releases) {
    String path = route.path();
    if (ACCOUNT_ROUTES.contains(path)) {
      return route.handler();
    }
    if (path.equals("/api/indicators") || path.startsWith("/api/geo") || path.startsWith("/api/releases")) {
      return releases.reading(route.handler());
    }
    Handler shared = share.guard(route.handler());
    return releases.reading(route.method() == Method.GET && SNAPSHOT_READS.contains(path) ? cache.cached(shared) : shared);
  }

  /** The client a request counts against: its signed-in account, else its address. */
  static String client(Context ctx) {
    return AuthGate.signedIn(ctx).map(c -> "login:" + c.login()).orElseGet(() -> ClientShare.address(ctx));
  }

  static List<ApiRoute> routes(Warehouse warehouse, IndicatorCatalogue catalogue, GeoStore geo,
      LoginController login, AccessAudit audit, Clock clock) {
    HealthController health = new HealthController();
    IndicatorController indicators = new IndicatorController(catalogue);
    TrendController trends = new TrendController(catalogue);
    RegionController regions = new RegionController();
    GeoController maps = new GeoController(geo);
    SurveyController surveys = new SurveyController(catalogue);
    OutreachController outreach = new OutreachController();
    ReleaseController releases = new ReleaseController(Releases.of(warehouse.lake()));
    DownloadAudit downloads = new DownloadAudit(audit);
    AuditController trail = new AuditController(AuditTrail.in(warehouse.lake().auditDir()));
    ReviewController review = new ReviewController(catalogue, geo, audit);
    Submissions submitted = Submissions.of(warehouse.lake());
    IntakeController intake = new IntakeController(new Intake(warehouse, catalogue, clock), submitted, audit, clock,
        LoadLauncher.fromSystem(warehouse.lake().root(), submitted.dir()));
    ApiRoute.Param files = required(IntakeController.FILES, "multipart/form-data: one or more files (CSV, JSON Lines,"
        + " XLSX; at most " + MAX_UPLOAD_FILE_MB + " MB each)");
    ApiRoute.Param table = optional("table", "the table of every file (default: told by the file's header)",
        DryRun.TABLES.stream().map(t -> t.folder()).toArray(String[]::new));
    ApiRoute.Param region = optional("region", "GSO code of the area (default VN)");
    ApiRoute.Param from = year("from", false, "first year of publishing");
    ApiRoute.Param to = year("to", false, "last year of publishing");
    ApiRoute.Param period = optional("period", "one period instead of from/to: 2023, 2023-H1, 2023-Q3 or 2023-07");
    ApiRoute.Param indicator = required("indicator", "catalogue code (GET /api/indicators)");
    ApiRoute.Param boundaries = optional("boundaries", BOUNDARIES, Coded.codes(Boundaries.values()));
    ApiRoute.Param mapLevel = optional("level", "province (default), district (reported only) or commune",
        Level.PROVINCE.code(), Level.DISTRICT.code(), Level.COMMUNE.code());
    ApiRoute.Param release = optional(ReleaseWarehouses.PARAMETER, "a release's name (GET /api/releases): the "
        + "figures frozen in it, not current ones (default: current); the answer then carries the header "
        + ReleaseWarehouses.HEADER);
    return withRelease(release, List.of(
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
        ApiRoute.get("/api/releases", releases::list, "the releases (named, frozen snapshots), oldest first",
            ReleaseJson.ReleaseList.class),
        ApiRoute.get("/api/releases/{name}", releases::get, "one release: title, snapshot, when and by whom frozen, "
            + "manifest checksum; 404 naming the releases there are", ReleaseJson.class,
            path("name", "the release's name")),
        ApiRoute.get("/api/regions/{code}", regions::profile, "a region with its breadcrumb and children",
            RegionProfile.class, path("code", "GSO code, VN for the nation"), boundaries),
        ApiRoute.get("/api/geo", maps::levels, "which levels have imported boundaries", GeoController.GeoLevels.class),
        ApiRoute.file(Method.GET, "/api/geo/{level}", maps::get,
            "imported boundaries (GeoJSON with code and name properties); 404 when none were imported",
            GeoController.MEDIA_TYPE, path("level", "province or commune")),
        ApiRoute.file(Method.POST, "/api/export/xlsx", new XlsxExport(downloads)::post,
            "a table as shown (JSON body: title, source, snapshot, columns, rows, page) as an Excel workbook; "
                + "recorded in the audit trail",
            XlsxExport.MEDIA_TYPE).requires(Role.ANALYST),
        ApiRoute.file(Method.POST, "/api/export/csv", new CsvExport(downloads)::post,
            "a table as shown (JSON body as for xlsx) as CSV in UTF-8 with a BOM, formula-like text neutralised; "
                + "recorded in the audit trail",
            CsvExport.MEDIA_TYPE).requires(Role.ANALYST),
        ApiRoute.get("/api/review", review::document,
            "the annual review of the nation or a province in a year (every figure restated onto 2025's units): "
                + "headline indicators with their sentences, trends, rankings, outreach, survey, annexes",
            ReviewDocument.class, reviewParams()),
        ApiRoute.file(Method.GET, "/api/review/pack.pdf", review::pdf,
            "the review as a printable PDF (A4, fonts embedded, release in its metadata); recorded in the audit "
                + "trail; 503 when the server has no headless Chromium", ReviewController.PDF, reviewParams())
            .requires(Role.ANALYST),
        ApiRoute.file(Method.GET, "/api/review/pack.docx", review::docx,
            "the review as an editable Word document; recorded in the audit trail", ReviewController.DOCX,
            reviewParams()).requires(Role.ANALYST),
        ApiRoute.file(Method.GET, "/api/review/pack.zip", review::zip,
            "the PDF, the Word document and every table as CSV in one ZIP; recorded in the audit trail",
            ReviewController.ZIP, reviewParams()).requires(Role.ANALYST),
        ApiRoute.get("/api/audit", trail::list, "the audit trail's lines, newest first (admins only)",
            AuditController.AuditAnswer.class,
            optional("since", "from this date (2026-12-03, Vietnam's day) or time (2026-12-03T08:00, or with offset)"),
            optional("login", "only this login"),
            optional("action", "only this action (its code)", Arrays.stream(AuditEvent.Action.values())
                .map(AuditEvent.Action::code).toArray(String[]::new)),
            optional("limit", "1-5000 (default 200)")).requires(Role.ADMIN),
        ApiRoute.file(Method.GET, "/api/intake/template", intake::template,
            "the Excel template of a table for the caller's scope (drop-down lists, a sheet explaining every column)",
            Template.MEDIA_TYPE, required("table", "report_values, activities, models or campaign_targets"),
            year("year", false, "offer only the units valid in that year")).requires(Role.REPORTER),
        ApiRoute.json(Method.POST, "/api/intake/check", intake::check,
            "the dry run of uploaded files: every problem with file, sheet, row, column, value, check and the"
                + " reason in Vietnamese; nothing is stored; recorded in the audit trail",
            IntakeJson.Check.class, files, table).requires(Role.REPORTER),
        ApiRoute.json(Method.POST, "/api/intake/submit", intake::submit,
            "sends checked files as a submission (kept unchanged beside the lake until the next load); refused"
                + " when a file is refused whole or a row is outside the scope; other problems need accept=true",
            IntakeJson.SubmissionJson.class, files, table,
            optional("accept", "true: leave the rows with problems to the quarantine", "true", "false"))
            .requires(Role.REPORTER),
        ApiRoute.get("/api/intake/submissions", intake::list,
            "the caller's submissions (an admin's: every one), newest first, with their state and counts",
            IntakeJson.Submissions.class).requires(Role.REPORTER),
        ApiRoute.json(Method.POST, "/api/intake/load", intake::load,
            "starts the load of every pending submission in its own process (bin/danvan load --submissions); 409"
                + " when a load --submissions --watch runs on the lake (it loads them as they arrive)",
            IntakeJson.LoadStarted.class).requires(Role.ADMIN),
        ApiRoute.json(Method.POST, "/api/login", login::login,
            "signs in (JSON body: login, password): sets the session cookie; 401 for any wrong login, "
                + "429 with Retry-After after repeated failures", SessionJson.class).open(),
        ApiRoute.json(Method.POST, "/api/logout", login::logout, "ends the session and expires its cookie",
            SessionJson.SignedOut.class),
        ApiRoute.get("/api/session", login::session,
            "who is signed in, with the session's CSRF token (send it as X-CSRF-Token on every POST)",
            SessionJson.class),
        ApiRoute.json(Method.POST, "/api/password", login::password,
            "changes one's own password (JSON body: current, new); every session of the account ends and "
                + "this one is renewed", SessionJson.class)));
  }

  /** Every read takes {@code release} (signing in and out aside): described once, here. */
  private static List<ApiRoute> withRelease(ApiRoute.Param release, List<ApiRoute> routes) {
    return routes.stream().map(r -> r.method() == Method.GET && !ACCOUNT_ROUTES.contains(r.path()) ? r.with(release) : r)
        .toList();
  }

  /** What a review is of: a region, a year, a language and (optionally) a release. */
  private static ApiRoute.Param[] reviewParams() {
    return new ApiRoute.Param[] {year("year", true, "the year reviewed"),
        optional("region", "VN (default for a national account) or a 2025 province's code"),
        optional("lang", "vi (default) or en", "vi", "en"),
        optional("release", "a release's name (bin/danvan release list); default: the snapshot served")};
  }
}
