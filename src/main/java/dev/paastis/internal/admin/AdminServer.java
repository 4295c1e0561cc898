package dev.paastis.internal.admin;

import dev.paastis.config.AdminConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener (ADMIN_ENABLED): the admin API under {@code /api} behind a bearer token,
 * health, Prometheus metrics and the dashboard page. Separate from the proxy port, so that it can
 * stay on a private interface.
 */
public final class AdminServer {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  /** Where the dashboard's static files live on the classpath. */
  static final String DASHBOARD_ROOT = "dev/paastis/internal/admin/dashboard";

  private final Vertx vertx;
  private final AdminConfig config;
  private final Router router;
  private HttpServer server;

  public AdminServer(
      Vertx vertx, AdminConfig config, AdminApi api, PrometheusMeterRegistry prometheus) {
    this.vertx = vertx;
    this.config = config;
    this.router = router(vertx, config, api, prometheus);
  }

  private static Router router(
      Vertx vertx, AdminConfig config, AdminApi api, PrometheusMeterRegistry prometheus) {
    Router router = Router.router(vertx);
    BearerAuth auth = new BearerAuth(new ApiToken(config.apiToken().orElseThrow()));
    api.health().mount(router);
    if (!config.metricsPublic()) {
      router.get("/metrics").handler(auth);
    }
    router.get("/metrics").handler(context -> metrics(context, prometheus));
    router.route("/api/*").handler(auth);
    api.apps().mount(router);
    api.events().mount(router);
    api.savings().mount(router);
    router.get("/*").handler(StaticHandler.create(DASHBOARD_ROOT).setCachingEnabled(false));
    router
        .route()
        .handler(
            context ->
                new Problem(
                        404,
                        "nothing at "
                            + context.request().method()
                            + " "
                            + context.request().path()
                            + ": the dashboard is at /, the API under /api/ (docs/admin-api.md)")
                    .send(context.response()));
    router.route().failureHandler(AdminServer::failure);
    return router;
  }

  private static void metrics(RoutingContext context, PrometheusMeterRegistry prometheus) {
    Responses.send(
        context.response(), 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
  }

  private static void failure(RoutingContext context) {
    if (context.failure() != null) {
      Problem.fail(context, context.failure());
    } else {
      int status = context.statusCode();
      new Problem(
              status, status == 404 ? "not found: " + context.request().path() : "request failed")
          .send(context.response());
    }
  }

  /** Listens on ADMIN_HOST:ADMIN_PORT and says where; completes with the bound port. */
  public Future<Integer> listen() {
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
        .map(
            bound -> {
              this.server = bound;
              LOG.info(
                  "admin listener on {}:{}: dashboard at http://{}:{}/",
                  config.host(),
                  bound.actualPort(),
                  config.host(),
                  bound.actualPort());
              return bound.actualPort();
            });
  }

  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the admin listener is not listening");
    }
    return server.actualPort();
  }

  /**
   * Stops accepting at once and lets the calls in flight finish for up to {@code grace}; event
   * streams end at once (their clients reconnect to the next instance), so they never hold the
   * stop. Idempotent.
   */
  public Future<Void> shutdown(Duration grace) {
    return server == null
        ? Future.succeededFuture()
        : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closes at once, cutting the calls in flight. Idempotent. */
  public Future<Void> close() {
    return shutdown(Duration.ZERO);
  }
}
