package dev.paastis.internal.admin;

import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready}: the registry and the event
 * store answer, and every provider has listed its apps at least once.
 */
final class Health {

  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final Registry registry;
  private final EventStore events;
  private final Providers providers;
  private final AppCatalog catalog;

  Health(
      Vertx vertx, Registry registry, EventStore events, Providers providers, AppCatalog catalog) {
    this.vertx = vertx;
    this.registry = registry;
    this.events = events;
    this.providers = providers;
    this.catalog = catalog;
  }

  void mount(Router router) {
    router
        .get("/health/live")
        .handler(context -> Responses.json(context, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext context) {
    Future<JsonObject> registryCheck = check(registry.ping());
    Future<JsonObject> eventsCheck = check(events.find(EventQuery.recent(1)));
    List<String> notListed =
        providers.all().stream()
            .map(Provider::name)
            .filter(name -> !catalog.hasListed(name))
            .toList();
    JsonObject providersCheck =
        notListed.isEmpty() ? up() : down("no listing yet from " + String.join(", ", notListed));
    Future.join(registryCheck, eventsCheck)
        .onComplete(
            done -> {
              JsonObject checks =
                  new JsonObject()
                      .put("registry", registryCheck.result())
                      .put("event_store", eventsCheck.result())
                      .put("providers", providersCheck);
              boolean ready =
                  checks.stream()
                      .allMatch(
                          check ->
                              "UP".equals(((JsonObject) check.getValue()).getString("status")));
              Responses.json(
                  context,
                  ready ? 200 : 503,
                  new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks));
            });
  }

  /** Never fails: a failure or a store that does not answer in time is a DOWN check. */
  private Future<JsonObject> check(Future<?> probe) {
    Promise<JsonObject> result = Promise.promise();
    long timer =
        vertx.setTimer(
            CHECK_TIMEOUT.toMillis(),
            id -> result.tryComplete(down("no answer within " + CHECK_TIMEOUT.toSeconds() + "s")));
    probe.onComplete(
        done -> {
          vertx.cancelTimer(timer);
          result.tryComplete(done.succeeded() ? up() : down(String.valueOf(done.cause())));
        });
    return result.future();
  }

  private static JsonObject up() {
    return new JsonObject().put("status", "UP");
  }

  private static JsonObject down(String detail) {
    return new JsonObject().put("status", "DOWN").put("detail", detail);
  }
}
