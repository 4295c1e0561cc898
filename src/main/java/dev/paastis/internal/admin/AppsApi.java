package dev.paastis.internal.admin;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.Durations;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.internal.lifecycle.Pins;
import dev.paastis.internal.lifecycle.StopReason;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/apps}: list, show, start, stop, pin, unpin and unregister apps. Start, stop and pin
 * answer 202 at once and go on in the background, or 200 once done with {@code ?wait=true}.
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
    router.get("/api/apps").handler(context -> Responses.json(context, 200, views.all()));
    router.delete("/api/apps").handler(this::unregisterAll);
    router
        .get("/api/apps/:name")
        .handler(context -> Responses.json(context, 200, views.one(name(context))));
    router.post("/api/apps/:name/start").handler(onApp(this::start));
    router.post("/api/apps/:name/stop").handler(onApp(this::stop));
    router.post("/api/apps/:name/pin").handler(this::pin);
    router.delete("/api/apps/:name/pin").handler(onApp(this::unpin));
  }

  /** Runs an operation on the app the path names, with the {@code wait} flag; 404 when unknown. */
  private interface AppOperation {
    void run(RoutingContext context, ProviderApp app, boolean wait);
  }

  private Handler<RoutingContext> onApp(AppOperation operation) {
    return context -> {
      boolean wait = waits(context);
      views
          .find(name(context))
          .onFailure(failure -> Problem.fail(context, failure))
          .onSuccess(app -> operation.run(context, app, wait));
    };
  }

  private void start(RoutingContext context, ProviderApp app, boolean wait) {
    String name = app.key();
    LOG.info("app {}: start requested through the admin API", name);
    Future<ProviderApp> woken = lifecycle.waker().start(views.settings(name));
    if (wait) {
      Responses.json(context, 200, woken.compose(views::one));
      return;
    }
    woken.onFailure(
        failure -> LOG.warn("app {} could not be started: {}", name, failure.getMessage()));
    Responses.json(context, 202, views.one(app));
  }

  private void stop(RoutingContext context, ProviderApp app, boolean wait) {
    String name = app.key();
    if (lifecycle.stopper().isOwnApp(name)) {
      refused(context, name, "it is the app Paastis runs as");
      return;
    }
    int inFlight = lifecycle.catalog().inFlight(name);
    if (inFlight > 0) {
      refused(context, name, inFlight + " requests or WebSockets are in flight");
      return;
    }
    if (lifecycle.catalog().state(app) == AppState.STARTING) {
      refused(context, name, "a start is under way");
      return;
    }
    LOG.info("app {}: stop requested through the admin API", name);
    Future<Boolean> stopped = lifecycle.stopper().stop(name, StopReason.MANUAL);
    if (!wait) {
      Responses.json(context, 202, views.one(app));
      return;
    }
    stopped
        .onFailure(failure -> Problem.fail(context, failure))
        .onSuccess(
            done -> {
              if (done) {
                Responses.json(context, 200, views.one(name));
              } else {
                refused(context, name, "requests are in flight or a start is under way");
              }
            });
  }

  /**
   * Wakes the app when needed and keeps it awake for {@code for} (a duration; a bare number is
   * minutes); 202 at once, or 200 once the app runs and the pin is written with {@code wait=true}.
   */
  private void pin(RoutingContext context) {
    Duration duration = pinDuration(context);
    onApp((ctx, app, wait) -> pin(ctx, app, duration, wait)).handle(context);
  }

  private void pin(RoutingContext context, ProviderApp app, Duration duration, boolean wait) {
    String name = app.key();
    LOG.info("app {}: pinned for {} through the admin API", name, Durations.format(duration));
    Future<Instant> pinned = lifecycle.pins().pin(views.settings(name), duration);
    if (wait) {
      Responses.json(context, 200, pinned.compose(until -> views.one(name)));
      return;
    }
    pinned.onFailure(
        failure -> LOG.warn("app {} could not be pinned: {}", name, failure.getMessage()));
    Responses.json(context, 202, views.one(app));
  }

  private void unpin(RoutingContext context, ProviderApp app, boolean wait) {
    Responses.json(context, 200, lifecycle.pins().unpin(app.key()).compose(was -> views.one(app)));
  }

  private static Duration pinDuration(RoutingContext context) {
    String text = context.queryParams().get("for");
    if (text == null || text.isBlank()) {
      throw new BadRequestException(
          "for= is required: how long to keep the app awake, such as 2h or 30m (at most "
              + Pins.LONGEST.toDays()
              + "d)");
    }
    return Durations.tryParse(text, ChronoUnit.MINUTES)
        .filter(duration -> !duration.isZero() && !duration.isNegative())
        .filter(duration -> duration.compareTo(Pins.LONGEST) <= 0)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "for="
                        + text
                        + " is not accepted: expected a duration such as 2h, 30m or 1d (a bare"
                        + " number is minutes), more than 0 and at most "
                        + Pins.LONGEST.toDays()
                        + "d"));
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
}
