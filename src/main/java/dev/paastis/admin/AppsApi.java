package dev.paastis.admin;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.lifecycle.AppLifecycle;
import dev.paastis.lifecycle.StopReason;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/apps}: list, show, start, stop and unregister apps. Start and stop answer 202 at once
 * and go on in the background, or 200 once done with {@code ?wait=true}.
 */
final class AppsApi {

  private static final Logger LOG = LoggerFactory.getLogger(AppsApi.class);

  private final AppViews views;
  private final AppLifecycle lifecycle;

  AppsApi(AppViews views, AppLifecycle lifecycle) {
    this.views = views;
    this.lifecycle = lifecycle;
  }

  void mount(Router router) {
    router.get("/api/apps").handler(context -> reply(context, 200, views.all()));
    router.delete("/api/apps").handler(this::unregisterAll);
    router.get("/api/apps/:name").handler(context -> reply(context, 200, views.one(name(context))));
    router.post("/api/apps/:name/start").handler(this::start);
    router.post("/api/apps/:name/stop").handler(this::stop);
  }

  private void start(RoutingContext context) {
    String name = name(context);
    boolean wait = waits(context);
    views
        .find(name)
        .onFailure(failure -> Problem.fail(context, failure))
        .onSuccess(
            app -> {
              LOG.info("app {}: start requested through the admin API", name);
              Future<ProviderApp> woken = lifecycle.start(views.settings(name));
              if (wait) {
                reply(context, 200, woken.compose(views::one));
              } else {
                woken.onFailure(
                    failure ->
                        LOG.warn("app {} could not be started: {}", name, failure.getMessage()));
                reply(context, 202, views.one(app));
              }
            });
  }

  private void stop(RoutingContext context) {
    String name = name(context);
    boolean wait = waits(context);
    views
        .find(name)
        .onFailure(failure -> Problem.fail(context, failure))
        .onSuccess(
            app -> {
              int inFlight = lifecycle.inFlight(name);
              if (inFlight > 0) {
                refused(context, name, inFlight + " requests or WebSockets are in flight");
                return;
              }
              if (lifecycle.state(app) == AppState.STARTING) {
                refused(context, name, "a start is under way");
                return;
              }
              LOG.info("app {}: stop requested through the admin API", name);
              Future<Boolean> stopped = lifecycle.stop(name, StopReason.MANUAL);
              if (!wait) {
                reply(context, 202, views.one(app));
                return;
              }
              stopped
                  .onFailure(failure -> Problem.fail(context, failure))
                  .onSuccess(
                      done -> {
                        if (done) {
                          reply(context, 200, views.one(name));
                        } else {
                          refused(context, name, "requests are in flight or a start is under way");
                        }
                      });
            });
  }

  private void unregisterAll(RoutingContext context) {
    lifecycle
        .unregisterAll()
        .onSuccess(done -> context.response().setStatusCode(204).end())
        .onFailure(failure -> Problem.fail(context, failure));
  }

  private static void refused(RoutingContext context, String name, String why) {
    new Problem(409, "app " + name + " was not stopped: " + why).send(context.response());
  }

  private static String name(RoutingContext context) {
    return context.pathParam("name");
  }

  private static boolean waits(RoutingContext context) {
    String wait = context.queryParams().get("wait");
    if (wait == null || wait.equalsIgnoreCase("false")) {
      return false;
    }
    if (wait.isEmpty() || wait.equalsIgnoreCase("true")) {
      return true;
    }
    throw new BadRequestException("wait=" + wait + " is not accepted: expected true or false");
  }

  static void reply(RoutingContext context, int status, Future<JsonObject> body) {
    body.onSuccess(
            json ->
                context
                    .response()
                    .setStatusCode(status)
                    .putHeader("content-type", "application/json")
                    .putHeader("cache-control", "no-store")
                    .end(json.encode()))
        .onFailure(failure -> Problem.fail(context, failure));
  }
}
