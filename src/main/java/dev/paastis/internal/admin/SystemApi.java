package dev.paastis.internal.admin;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.RoutingConfig;
import dev.paastis.events.EventStore;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.internal.proxy.SystemRoutes;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The original Paastis system API, on the proxy port: requests with {@code PaastisProxyTarget:
 * system} and the right {@code PaastisProxySystemApiToken} reach GET /apps, DELETE /apps and GET
 * /events, with the original's snake_case fields. Enabled by ROUTING_SYSTEM_API_ENABLED.
 */
public final class SystemApi implements SystemRoutes {

  static final String TARGET_HEADER = "PaastisProxyTarget";
  static final String TOKEN_HEADER = "PaastisProxySystemApiToken";
  static final String WRONG_TOKEN = "Wrong or missing Paastis proxy system API token";

  private final boolean enabled;
  private final Optional<ApiToken> token;
  private final AppCatalog catalog;
  private final Registry registry;
  private final EventStore events;
  private final AppLifecycle lifecycle;

  public SystemApi(
      RoutingConfig routing,
      AppCatalog catalog,
      Registry registry,
      EventStore events,
      AppLifecycle lifecycle) {
    this.enabled = routing.systemApiEnabled() && routing.systemApiToken().isPresent();
    this.token = routing.systemApiToken().map(ApiToken::new);
    this.catalog = catalog;
    this.registry = registry;
    this.events = events;
    this.lifecycle = lifecycle;
  }

  /** Whether the request is for the system API rather than an app. */
  @Override
  public boolean handles(MultiMap headers) {
    return enabled && "system".equalsIgnoreCase(headers.get(TARGET_HEADER));
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (!token.map(t -> t.matches(request.getHeader(TOKEN_HEADER))).orElse(false)) {
      reply(request, 400, new JsonObject().put("message", WRONG_TOKEN).encode());
      return;
    }
    String path = request.path();
    if (path.equals("/apps") && request.method() == HttpMethod.GET) {
      replyJson(request, apps().map(JsonArray::encode));
    } else if (path.equals("/apps") && request.method() == HttpMethod.DELETE) {
      lifecycle
          .unregisterAll()
          .onComplete(
              done -> {
                if (done.succeeded()) {
                  request.response().setStatusCode(204).end();
                } else {
                  replyJson(request, Future.failedFuture(done.cause()));
                }
              });
    } else if (path.equals("/events") && request.method() == HttpMethod.GET) {
      replyJson(request, events.recent(1000).map(recent -> EventJson.of(recent).encode()));
    } else {
      reply(
          request,
          404,
          new JsonObject()
              .put("message", "no system API route " + request.method() + " " + path)
              .put("routes", new JsonArray(List.of("GET /apps", "DELETE /apps", "GET /events")))
              .encode());
    }
  }

  /** The apps the providers reported last (no provider call per request), tracked or not. */
  private Future<JsonArray> apps() {
    return registry
        .all()
        .map(
            tracked -> {
              Map<String, ManagedApp> byKey =
                  tracked.stream().collect(Collectors.toMap(ManagedApp::key, Function.identity()));
              JsonArray apps = new JsonArray();
              catalog
                  .all()
                  .forEach(
                      app -> apps.add(describe(app, Optional.ofNullable(byKey.get(app.key())))));
              return apps;
            });
  }

  private JsonObject describe(ProviderApp app, Optional<ManagedApp> tracked) {
    AppState state = catalog.state(app);
    JsonObject json =
        new JsonObject()
            .put("id", app.key())
            .put("name", app.displayName())
            .put("region", app.region().orElse(null))
            .put("status", state.name().toLowerCase(Locale.ROOT))
            .put("state", state.name())
            .put("url", app.upstream().map(Object::toString).orElse(null))
            .put("is_monitored", tracked.isPresent());
    tracked.ifPresent(
        entry ->
            json.put("provider", entry.provider())
                .put("region", entry.region().orElse(app.region().orElse(null)))
                .put("max_idle_time", entry.maxIdleTime().toMinutes())
                .put("last_accessed_at", entry.lastAccessedAt().toString()));
    return json;
  }

  private static void replyJson(HttpServerRequest request, Future<String> body) {
    body.onComplete(
        done -> {
          if (done.succeeded()) {
            reply(request, 200, done.result());
          } else {
            // the status of the one table; an unexpected failure is logged, not written
            Problem problem = Problem.of(done.cause());
            reply(
                request,
                problem.status(),
                new JsonObject().put("message", problem.detail()).encode());
          }
        });
  }

  private static void reply(HttpServerRequest request, int status, String json) {
    Responses.send(request.response(), status, "application/json", json);
  }
}
