package vn.danvan.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.contract.audit.AuditLog;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;

/**
 * A running dashboard: the web server, the warehouse it reads and the timer that moves the
 * warehouse to newly published snapshots. Closing stops them in that order.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

  private final Javalin app;
  private final Warehouse warehouse;
  private final Runnable closeAudit;
  private final ScheduledExecutorService timer;
  private final String url;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private DashboardServer(Javalin app, Warehouse warehouse, Runnable closeAudit, ScheduledExecutorService timer,
      String url) {
    this.app = app;
    this.warehouse = warehouse;
    this.closeAudit = closeAudit;
    this.timer = timer;
    this.url = url;
  }

  /** As {@link #start(Lake, String, int, Duration, List, AccessControl)} answering only its address and localhost. */
  public static DashboardServer start(Lake lake, String host, int port, Duration refreshEvery, AccessControl access) {
    return start(lake, host, port, refreshEvery, List.of(), access);
  }

  /**
   * Opens the warehouse over {@code lake}, starts serving on {@code host:port} (port 0 picks a
   * free one) and checks for a new snapshot every {@code refreshEvery}. A request is answered
   * when its {@code Host} is {@code host}, {@code localhost} or one of {@code hostNames}, and
   * (but for the login page) when it carries the credentials of an account of {@code access}.
   * Sign-ins, refusals and downloads are recorded in {@code access}'s audit trail, which the server
   * closes when it stops (when it is closeable).
   */
  public static DashboardServer start(Lake lake, String host, int port, Duration refreshEvery,
      List<String> hostNames, AccessControl access) {
    return start(lake, host, port, refreshEvery, hostNames, access, WarehouseOptions.defaults(), null);
  }

  /**
   * As {@link #start(Lake, String, int, Duration, List, AccessControl)} with the warehouse tuned by
   * {@code options} and one client (its share of the connections) being whoever {@code clientKey}
   * names (null: the signed-in account, else the address).
   */
  public static DashboardServer start(Lake lake, String host, int port, Duration refreshEvery,
      List<String> hostNames, AccessControl access, WarehouseOptions options, Function<Context, String> clientKey) {
    HostAllowList hosts = HostAllowList.of(host, hostNames);
    Warehouse warehouse = Warehouse.open(lake, options);
    Runnable closeAudit = access.audit() instanceof AuditLog log ? log::close : () -> {};
    ScheduledExecutorService timer = null;
    try {
      Javalin app = (clientKey == null ? DashboardApp.create(warehouse, IndicatorCatalogue.load(), hosts, access)
          : DashboardApp.create(warehouse, IndicatorCatalogue.load(), hosts, access, clientKey)).start(host, port);
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "snapshot-refresh");
        t.setDaemon(true);
        return t;
      });
      long every = refreshEvery.toMillis();
      timer.scheduleWithFixedDelay(new SnapshotRefresher(warehouse), every, every, TimeUnit.MILLISECONDS);
      String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/";
      LOG.info("dashboard at {} serving {} from {}", url,
          warehouse.snapshotId().map(id -> "snapshot " + id).orElse("no snapshot yet"), lake.root());
      return new DashboardServer(app, warehouse, closeAudit, timer, url);
    } catch (RuntimeException e) {
      if (timer != null) {
        timer.shutdownNow();
      }
      closeAudit.run();
      warehouse.close();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  public String url() {
    return url;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** Blocks until {@link #close()} has run, e.g. from the SIGTERM shutdown hook. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    LOG.info("stopping the dashboard at {}", url);
    timer.shutdownNow();
    try {
      app.stop();
    } finally {
      try {
        warehouse.close();
      } finally {
        closeAudit.run();
        stopped.countDown();
      }
    }
  }
}
